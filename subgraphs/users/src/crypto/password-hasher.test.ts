import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMS, createPasswordHasher } from './password-hasher.ts';

describe('password hasher', () => {
  const hasher = createPasswordHasher();

  it('hashes with Argon2id at the OWASP parameters and verifies the same password', async () => {
    const hash = await hasher.hash('a long enough passphrase');
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await hasher.verify(hash, 'a long enough passphrase')).toBe(true);
  });

  it('refuses a different password', async () => {
    const hash = await hasher.hash('a long enough passphrase');
    expect(await hasher.verify(hash, 'a long enough passphrasE')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password here'), hasher.hash('same password here')]);
    expect(a).not.toBe(b);
  });

  it('fails closed on a corrupt stored hash', async () => {
    expect(await hasher.verify('not-a-hash', 'whatever password')).toBe(false);
  });

  it('the dummy verification always fails', async () => {
    expect(await hasher.verifyDummy('dummy password that no account has')).toBe(false);
  });

  it('flags hashes made with weaker parameters for re-hashing', async () => {
    const weak = createPasswordHasher({ ...ARGON2_PARAMS, memoryCost: 4096, timeCost: 1 });
    const old = await weak.hash('a long enough passphrase');
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('a long enough passphrase'))).toBe(false);
    // Still verifiable: the parameters are inside the hash.
    expect(await hasher.verify(old, 'a long enough passphrase')).toBe(true);
  });
});
