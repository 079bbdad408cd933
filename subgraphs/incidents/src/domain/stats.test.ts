import { describe, expect, it } from 'vitest';
import { groupStats, quantile, type StatsEntry, statsResult, summarize } from './stats.ts';

describe('stats arithmetic', () => {
  it('takes the median of an odd count as the middle value and of an even count as the mean of the middle two', () => {
    expect(quantile([1, 2, 3], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 10], 0.5)).toBe(2.5);
  });

  it('interpolates p90 between the two nearest ranks', () => {
    // 10 values: rank 0.9 × 9 = 8.1, between the 9th (9) and 10th (100).
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 0.9)).toBeCloseTo(18.1, 10);
    // 11 values: rank 9 exactly.
    expect(quantile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('summarises milliseconds as seconds, and an empty period as nulls', () => {
    expect(summarize([3000, 1000, 2000])).toEqual({ count: 3, median: 2, p90: 2.8, mean: 2 });
    expect(summarize([])).toEqual({ count: 0, median: null, p90: null, mean: null });
  });

  it('groups, counts an incident once per service, and counts open at the end of the period', () => {
    const e = (id: string, services: string[], resolvedAt: number | null): StatsEntry => ({
      id,
      sev: 1,
      source: 'csp',
      commanderId: null,
      services,
      startedAt: 0,
      acknowledgedAt: 10,
      resolvedAt,
    });
    const raw = groupStats(
      [e('a', ['api', 'db'], 50), e('b', ['api'], 500), e('c', [], null)],
      100,
      'service',
    );
    const result = statsResult(raw, 0, 100, 'service');
    expect(result.total).toMatchObject({ count: 3, openAtEnd: 2 });
    expect(result.groups.map((g) => [g.key, g.count, g.openAtEnd])).toEqual([
      ['api', 2, 1],
      [null, 1, 1],
      ['db', 1, 0],
    ]);
    expect(statsResult(groupStats([], 100, null), 0, 100, null).groups).toEqual([]);
  });
});
