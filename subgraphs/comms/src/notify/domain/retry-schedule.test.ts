import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE_MS, nextRetryDelay, parseRetrySchedule } from './retry-schedule.ts';

describe('retry schedule', () => {
  it('spreads the default retries over about three days', () => {
    const total = DEFAULT_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0);
    expect(total / 86_400_000).toBeGreaterThan(2.5);
    expect(total / 86_400_000).toBeLessThan(3.5);
  });

  it('jitters each delay within ±20 % and ends when the schedule is spent', () => {
    expect(nextRetryDelay([1000, 5000], 1, () => 0)).toBe(800);
    expect(nextRetryDelay([1000, 5000], 2, () => 1)).toBe(6000);
    expect(nextRetryDelay([1000, 5000], 3)).toBeNull();
  });

  it('parses durations and names a bad one', () => {
    expect(parseRetrySchedule('200ms, 5s,2m,1h,1d')).toEqual([200, 5000, 120_000, 3_600_000, 86_400_000]);
    expect(() => parseRetrySchedule('5 minutes')).toThrow(/"5 minutes"/);
  });
});
