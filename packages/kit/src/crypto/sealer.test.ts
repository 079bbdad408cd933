import { describe, expect, it } from 'vitest';
import { createSealer, keyEncryptionSecret } from './sealer.ts';

const SECRET = 'a secret of at least thirty-two characters';
const purpose = { salt: 'polystatus-test', info: 'test-secret-encryption' };

describe('sealer', () => {
  const sealer = createSealer(SECRET, purpose);

  it('opens what it sealed, and the ciphertext does not contain the plaintext', () => {
    const sealed = sealer.seal('whsec_private', 'owner-1');
    expect(sealed).not.toContain('private');
    expect(sealer.open(sealed, 'owner-1')).toBe('whsec_private');
  });

  it('refuses another secret, another purpose, another owner or a tampered ciphertext', () => {
    const sealed = sealer.seal('whsec_private', 'owner-1');
    expect(() =>
      createSealer('another secret of thirty-two characters!!', purpose).open(sealed, 'owner-1'),
    ).toThrow();
    expect(() => createSealer(SECRET, { ...purpose, info: 'other-use' }).open(sealed, 'owner-1')).toThrow();
    expect(() => sealer.open(sealed, 'owner-2')).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('whsec_attacker').toString('base64url');
    expect(() => sealer.open(parts.join('.'), 'owner-1')).toThrow();
  });

  it('uses the configured key-encryption secret, else one derived from the internal secret', () => {
    const internal = 'i'.repeat(40);
    expect(
      keyEncryptionSecret({ POLYSTATUS_KEY_ENCRYPTION_KEY: SECRET, POLYSTATUS_INTERNAL_SECRET: internal }),
    ).toBe(SECRET);
    expect(
      keyEncryptionSecret({ POLYSTATUS_KEY_ENCRYPTION_KEY: undefined, POLYSTATUS_INTERNAL_SECRET: internal }),
    ).toBe(`dev-kek:${internal}`);
  });
});
