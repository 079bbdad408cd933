import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devInternalSecret, localKeyEncryptionKey } from './dev-secret.ts';

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
