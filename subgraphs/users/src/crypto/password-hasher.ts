import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2, a const enum that isolated-module TypeScript cannot read. */
const ARGON2ID = 2;

/**
 * OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane): about 90 ms on one core here, so a stolen hash costs an
 * attacker the same per guess while a login stays fast. The hashing runs on libuv's thread pool, off the event loop.
 */
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
  /**
   * Spends the time of one real verification and always fails: used when the email is unknown or has no password,
   * so response time does not reveal which emails exist.
   */
  verifyDummy(password: string): Promise<false>;
  /** True for hashes made with older parameters; the login that proves the password re-hashes it. */
  needsRehash(stored: string): boolean;
}

export function createPasswordHasher(params = ARGON2_PARAMS): PasswordHasher {
  let dummy: Promise<string> | undefined;
  const self: PasswordHasher = {
    hash: (password) => hash(password, params),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        // A corrupt stored hash must fail closed, not crash the login.
        return false;
      }
    },
    async verifyDummy(password) {
      dummy ??= self.hash('dummy password that no account has');
      await self.verify(await dummy, password);
      return false;
    },
    needsRehash: (stored) => !stored.startsWith(CURRENT_PREFIX),
  };
  return self;
}
