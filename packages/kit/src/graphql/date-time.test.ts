import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar, parseIsoInstant } from './date-time.ts';

describe('DateTime', () => {
  it('reads ISO 8601 instants with Z or an offset, as epoch milliseconds', () => {
    expect(DateTimeScalar.parseValue('2026-11-23T04:05:06Z')).toBe(Date.UTC(2026, 10, 23, 4, 5, 6));
    expect(DateTimeScalar.parseValue('2026-11-23T06:05:06.5+02:00')).toBe(
      Date.UTC(2026, 10, 23, 4, 5, 6, 500),
    );
    expect(DateTimeScalar.parseValue('2026-11-23T04:05-01:30')).toBe(Date.UTC(2026, 10, 23, 5, 35));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-01-01T00:00:00.000Z' })).toBe(
      Date.UTC(2026, 0, 1),
    );
  });

  it.each([
    ['no zone', '2026-11-23T04:05:06'],
    ['a date alone', '2026-11-23'],
    ['a day past the month', '2026-02-30T00:00:00Z'],
    ['hour 24', '2026-11-23T24:00:00Z'],
    ['a leap second', '2026-11-23T23:59:60Z'],
    ['an offset without a colon', '2026-11-23T04:05:06+0200'],
    ['prose Date.parse would take', 'Mon, 23 Nov 2026 04:05:06 GMT'],
    ['lower-case designators', '2026-11-23t04:05:06z'],
  ])('refuses %s', (_, text) => {
    expect(parseIsoInstant(text)).toBeNull();
    expect(() => DateTimeScalar.parseValue(text)).toThrow(/ISO 8601 date-time with Z or an offset/);
  });

  it('refuses non-strings, as a variable and as a literal', () => {
    expect(() => DateTimeScalar.parseValue(1_700_000_000_000)).toThrow(GraphQLError);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(GraphQLError);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseIsoInstant('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseIsoInstant('2027-02-29T00:00:00Z')).toBeNull();
  });

  it('writes UTC with milliseconds from epoch ms, a Date or an ISO string', () => {
    const ms = Date.UTC(2026, 10, 23, 4, 5, 6, 789);
    expect(DateTimeScalar.serialize(ms)).toBe('2026-11-23T04:05:06.789Z');
    expect(DateTimeScalar.serialize(new Date(ms))).toBe('2026-11-23T04:05:06.789Z');
    expect(DateTimeScalar.serialize('2026-11-23T06:05:06.789+02:00')).toBe('2026-11-23T04:05:06.789Z');
    expect(() => DateTimeScalar.serialize('yesterday')).toThrow(GraphQLError);
    expect(() => DateTimeScalar.serialize(Number.NaN)).toThrow(GraphQLError);
  });
});
