import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('rate limiter', () => {
  it('allows a burst, then refuses with the seconds until a token is back, then refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    now += 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('takes several units at once (a cost budget), and says how long until that many are back', () => {
    const limiter = new RateLimiter({ perSecond: 100, burst: 500, now: () => 0 });
    expect(limiter.take('a', 450).allowed).toBe(true);
    expect(limiter.take('a', 450)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    expect(limiter.take('a', 50).allowed).toBe(true);
  });

  it('keeps one bucket per client', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('rounds Retry-After up for slow rates', () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1, now: () => 0 });
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('forgets the least recently seen client beyond maxClients', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, maxClients: 2, now: () => now });
    limiter.take('a');
    limiter.take('b');
    now += 1;
    limiter.take('a');
    limiter.take('c');
    expect(limiter.trackedClients).toBe(2);
    // `b` was dropped, so it starts again with a full bucket; `a` was kept and is still empty.
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });
});
