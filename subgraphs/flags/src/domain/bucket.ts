/** Buckets per 100 %: weights carry three decimals, so 0.001 % of users is the finest slice. */
export const BUCKETS = 100_000;

/**
 * The bucket (0 … BUCKETS-1) a user falls in for a flag: a stable hash of the flag key and the user, so the
 * same user gets the same bucket on every evaluation, process and restart. Rollouts hand out buckets from 0
 * upwards in the order of their variations, so raising the first variation from 10 % to 20 % keeps everyone
 * who had it. Keyed by the flag as well, so the users in one flag's first 10 % are not those of every flag.
 *
 * FNV-1a over the UTF-16 code units of `<flag key> NUL <user>`, then murmur3's finalizer: FNV alone clusters keys that differ only in their
 * last characters (`user-1`, `user-2` …), the finalizer spreads them over the whole 32-bit range.
 */
export function bucketOf(flagKey: string, user: string): number {
  return bucketsOf(flagKey)(user);
}

/**
 * `bucketOf` for one flag, the flag key's share of the hash done once: a bulk evaluation buckets the same user
 * for every flag, and each flag's key is hashed once per compile instead of once per call. The user is hashed
 * straight from its own text, without building `key + user` (reading the characters of a concatenation is
 * several times slower in V8 than reading a flat string).
 */
export function bucketsOf(flagKey: string): (user: string) => number {
  let seed = 0x811c9dc5;
  for (let i = 0; i < flagKey.length; i++) {
    seed ^= flagKey.charCodeAt(i);
    seed = Math.imul(seed, 0x01000193);
  }
  seed = Math.imul(seed, 0x01000193); // the NUL separator: h ^= 0 leaves h unchanged
  return (user) => {
    let h = seed;
    for (let i = 0; i < user.length; i++) {
      h ^= user.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) % BUCKETS;
  };
}
