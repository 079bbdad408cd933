import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devInternalSecret, localKeyEncryptionKey, localKeyPrefix } from './dev-secret.ts';

describe('devInternalSecret', () => {
  it('makes a private random secret once per checkout and reuses it', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-secret-'));
    const first = devInternalSecret(root);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(devInternalSecret(root)).toBe(first);
    const file = join(root, '.data', 'dev-internal-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(devInternalSecret(mkdtempSync(join(tmpdir(), 'ps-secret-')))).not.toBe(first);
  });
});

describe('localKeyEncryptionKey', () => {
  it('makes a private random key for a new checkout once and reuses it', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-kek-'));
    const first = localKeyEncryptionKey(root, 'a'.repeat(64), { ranBefore: false });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(localKeyEncryptionKey(root, 'b'.repeat(64), { ranBefore: true })).toBe(first);
    expect(statSync(join(root, '.data', 'key-encryption-key')).mode & 0o077).toBe(0);
  });

  it('keeps the development derivation for a checkout that already ran, so its sealed keys stay readable', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-kek-'));
    expect(localKeyEncryptionKey(root, 'c'.repeat(64), { ranBefore: true })).toBe(
      `dev-kek:${'c'.repeat(64)}`,
    );
  });
});

describe('localKeyPrefix', () => {
  it('gives each new checkout a Redis prefix of its own, kept across restarts', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-prefix-'));
    const first = localKeyPrefix(root, { ranBefore: false });
    expect(first).toMatch(/^ps-[0-9a-f]{6}$/);
    // Once chosen, it stays, whatever else the checkout holds by then.
    expect(localKeyPrefix(root, { ranBefore: true })).toBe(first);
    expect(localKeyPrefix(mkdtempSync(join(tmpdir(), 'ps-prefix-')), { ranBefore: false })).not.toBe(first);
  });

  it('keeps the default prefix for a checkout that ran before prefixes were chosen, where its data is', () => {
    expect(localKeyPrefix(mkdtempSync(join(tmpdir(), 'ps-prefix-')), { ranBefore: true })).toBe('ps');
  });
});
