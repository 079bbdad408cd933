import { describe, expect, it } from 'vitest';
import { canonicalEpochMs, epochSeconds, epochSecondsOrNull } from './time.ts';

describe('epochSeconds', () => {
  it('agrees with Date.parse on every canonical instant, floored to the second', () => {
    // A deterministic spread over 0001–9999, every month and day, every time of day.
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 20_000; i++) {
      const ms = (next() / 2 ** 31) * 253_402_300_799_999 - (i % 2 ? 62_135_596_800_000 : 0);
      const iso = new Date(Math.max(ms, -62_135_596_800_000)).toISOString();
      expect(epochSeconds(iso)).toBe(Math.floor(Date.parse(iso) / 1000));
    }
  });

  it('floors before the epoch too', () => {
    expect(epochSeconds('1969-12-31T23:59:59.500Z')).toBe(-1);
    expect(epochSeconds('1970-01-01T00:00:00.999Z')).toBe(0);
  });

  it('leaves month ends and other shapes to Date.parse', () => {
    expect(canonicalEpochMs('2024-02-29T12:00:00.000Z')).toBeNull();
    expect(epochSeconds('2024-02-29T12:00:00.000Z')).toBe(Date.parse('2024-02-29T12:00:00.000Z') / 1000);
    expect(canonicalEpochMs('2024-01-05T12:00:00Z')).toBeNull();
    expect(epochSeconds('2024-01-05T12:00:00Z')).toBe(1_704_456_000);
    expect(epochSeconds('2024-01-05T13:00:00.000+01:00')).toBe(1_704_456_000);
    // ECMAScript's 24:00 (the end of a day) and years Date.UTC would read as 19xx.
    expect(epochSeconds('2024-01-05T24:00:00.000Z')).toBe(Date.parse('2024-01-06T00:00:00.000Z') / 1000);
    expect(epochSeconds('0042-01-05T00:00:00.000Z')).toBe(Date.parse('0042-01-05T00:00:00.000Z') / 1000);
  });

  it('refuses what is not an instant, including out-of-range fields in the canonical shape', () => {
    for (const bad of [
      '2024-13-05T12:00:00.000Z',
      '2024-01-05T12:60:00.000Z',
      '2024-01-05T12:00:61.000Z',
      'x',
    ]) {
      expect(canonicalEpochMs(bad)).toBeNull();
      expect(() => epochSeconds(bad)).toThrow(/not an ISO-8601 instant/);
    }
    expect(canonicalEpochMs('2024-0a-05T12:00:00.000Z')).toBeNull();
  });

  it('maps null and undefined to null', () => {
    expect(epochSecondsOrNull(null)).toBeNull();
    expect(epochSecondsOrNull(undefined)).toBeNull();
    expect(epochSecondsOrNull('1970-01-01T00:00:01.000Z')).toBe(1);
  });
});
