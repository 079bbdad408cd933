import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf, bucketsOf } from './bucket.ts';

describe('rollout buckets', () => {
  // Pinned: a user's bucket is what keeps their rollout variation across releases. A change of these numbers
  // reshuffles every percentage rollout in production, so it must be a deliberate one.
  it('keeps the buckets users already have', () => {
    expect(bucketOf('checkout', 'user-1')).toBe(4537);
    expect(bucketOf('checkout', 'user-2')).toBe(15114);
    expect(bucketOf('bench-flag-3', 'user-4711')).toBe(97920);
    expect(bucketOf('ünïcode-flag', 'José 🚀')).toBe(92633);
  });

  it('gives the same bucket per flag as per call, for any user', () => {
    const forCheckout = bucketsOf('checkout');
    for (const user of ['', 'a', 'user-42', 'x'.repeat(300), 'José 🚀']) {
      const b = forCheckout(user);
      expect(b).toBe(bucketOf('checkout', user));
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(BUCKETS);
    }
  });
});
