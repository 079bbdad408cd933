import { describe, expect, it } from 'vitest';
import { createKeySealer } from './key-sealer.ts';

describe('key sealer', () => {
  const sealer = createKeySealer('a secret of at least thirty-two characters');

  it('opens what it sealed, and the ciphertext does not contain the plaintext', () => {
    const sealed = sealer.seal('{"d":"private"}', 'kid-1');
    expect(sealed).not.toContain('private');
    expect(sealer.open(sealed, 'kid-1')).toBe('{"d":"private"}');
  });

  it('refuses another secret, another kid, or a tampered ciphertext', () => {
    const sealed = sealer.seal('{"d":"private"}', 'kid-1');
    expect(() =>
      createKeySealer('another secret of thirty-two characters!!').open(sealed, 'kid-1'),
    ).toThrow();
    expect(() => sealer.open(sealed, 'kid-2')).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('{"d":"attacker"}').toString('base64url');
    expect(() => sealer.open(parts.join('.'), 'kid-1')).toThrow();
  });
});
