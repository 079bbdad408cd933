import { describe, expect, it } from 'vitest';
import { statsToRest, statsVariablesFromQuery } from './stats-mappers.ts';

const durations = (count: number, value: number | null) => ({
  count,
  median: value,
  p90: value,
  mean: value,
});

describe('stats mappers', () => {
  it('sends the period as instants and the grouping as the graph enum', () => {
    expect(statsVariablesFromQuery({ from: 0, to: 86_400, group_by: 'commander' })).toEqual({
      from: '1970-01-01T00:00:00.000Z',
      to: '1970-01-02T00:00:00.000Z',
      groupBy: 'COMMANDER',
    });
  });

  it('answers in snake_case, durations in seconds as given, source keys in lower case', () => {
    const group = (key: string | null, count: number) => ({
      key,
      count,
      openAtEnd: 1,
      timeToAcknowledge: durations(count, 90.5),
      timeToResolve: durations(0, null),
    });
    const rest = statsToRest({
      from: '1970-01-01T00:00:00.000Z',
      to: '1970-01-02T00:00:00.000Z',
      groupBy: 'SOURCE',
      total: group(null, 3),
      groups: [group('MANUAL', 2), group('CSP', 1)],
    });
    expect(rest).toEqual({
      from: 0,
      to: 86_400,
      group_by: 'source',
      total: {
        key: null,
        count: 3,
        open_at_end: 1,
        time_to_acknowledge: durations(3, 90.5),
        time_to_resolve: durations(0, null),
      },
      groups: [
        expect.objectContaining({ key: 'manual', count: 2 }),
        expect.objectContaining({ key: 'csp', count: 1 }),
      ],
    });
  });

  it('keeps service and commander keys as they are', () => {
    const rest = statsToRest({
      from: '1970-01-01T00:00:00.000Z',
      to: '1970-01-02T00:00:00.000Z',
      groupBy: 'SERVICE',
      total: {
        key: null,
        count: 0,
        openAtEnd: 0,
        timeToAcknowledge: durations(0, null),
        timeToResolve: durations(0, null),
      },
      groups: [
        {
          key: 'Checkout',
          count: 0,
          openAtEnd: 0,
          timeToAcknowledge: durations(0, null),
          timeToResolve: durations(0, null),
        },
      ],
    });
    expect(rest.groups[0]!.key).toBe('Checkout');
    expect(rest.group_by).toBe('service');
  });
});
