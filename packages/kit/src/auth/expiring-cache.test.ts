import { describe, expect, it } from 'vitest';
import { ExpiringCache } from './expiring-cache.ts';

describe('ExpiringCache', () => {
  it('forgets a value at its own expiry', () => {
    const cache = new ExpiringCache<{ until: number }>((v) => v.until);
    cache.set('a', { until: 1_000 });
    expect(cache.get('a', 999)).toEqual({ until: 1_000 });
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', () => {
    const cache = new ExpiringCache<number>((v) => v, 2);
    cache.set('a', 10);
    cache.set('b', 10);
    cache.set('c', 10);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)).toBe(10);
    expect(cache.get('c', 0)).toBe(10);
  });
});
