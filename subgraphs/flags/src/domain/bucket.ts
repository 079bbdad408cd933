/** Buckets per 100 %: weights carry three decimals, so 0.001 % of users is the finest slice. */
export const BUCKETS = 100_000;

/**
 * The bucket (0 … BUCKETS-1) a user falls in for a flag: a stable hash of the flag key and the user, so the
 * same user gets the same bucket on every evaluation, process and restart. Rollouts hand out buckets from 0
 * upwards in the order of their variations, so raising the first variation from 10 % to 20 % keeps everyone
 * who had it. Keyed by the flag as well, so the users in one flag's first 10 % are not those of every flag.
 *
 * FNV-1a over the UTF-16 code units, then murmur3's finalizer: FNV alone clusters keys that differ only in their
 * last characters (`user-1`, `user-2` …), the finalizer spreads them over the whole 32-bit range.
 */
export function bucketOf(flagKey: string, user: string): number {
  let h = 0x811c9dc5;
  const text = `${flagKey}\u0000${user}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % BUCKETS;
}
