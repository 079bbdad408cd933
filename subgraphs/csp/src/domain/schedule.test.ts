import { describe, expect, it } from 'vitest';
import { nextPollAt, retryDelay } from './schedule.ts';

describe('scheduling', () => {
  it('stretches the interval by up to the jitter share', () => {
    expect(nextPollAt(1000, 60, 0.2, () => 0)).toBe(61_000);
    expect(nextPollAt(1000, 60, 0.2, () => 1)).toBe(73_000);
    expect(nextPollAt(1000, 60, 0, () => 1)).toBe(61_000);
  });

  it('doubles the retry delay with each attempt, plus up to half of it', () => {
    expect([1, 2, 3].map((n) => retryDelay(n, 100, () => 0))).toEqual([100, 200, 400]);
    expect(retryDelay(3, 100, () => 1)).toBe(600);
  });
});
