import { describe, expect, it } from 'vitest';
import { formatPercent, uptimeBar, uptimeSummary } from './uptime.ts';

describe('uptime bars', () => {
  it('draws a day without data as no data, not as a perfect day', () => {
    expect(uptimeBar({ date: '2026-11-01', uptime: null, worst: null })).toEqual({
      date: '2026-11-01',
      tone: 'none',
      label: '2026-11-01: no data',
    });
  });

  it('colours a day by its worst status and says how much of it was up', () => {
    expect(uptimeBar({ date: '2026-11-02', uptime: 0.9, worst: 'major_outage' })).toMatchObject({
      tone: 'major',
      label: '2026-11-02: 90.00% up, major outage',
    });
    expect(uptimeBar({ date: '2026-11-03', uptime: 1, worst: 'OPERATIONAL' }).tone).toBe('ok');
  });

  it('never rounds an outage up to 100%', () => {
    expect(formatPercent(0.999999)).toBe('99.99%');
    expect(formatPercent(1)).toBe('100.00%');
  });

  it('says over how many days the percentage holds', () => {
    expect(uptimeSummary(null, 0, 90)).toBe('No data yet');
    expect(uptimeSummary(99.5, 12, 90)).toBe('99.50% uptime over the 12 days with data');
    expect(uptimeSummary(99.5673, 1, 90)).toBe('99.56% uptime over the 1 day with data');
    expect(uptimeSummary(100, 90, 90)).toBe('100.00% uptime over 90 days');
  });
});
