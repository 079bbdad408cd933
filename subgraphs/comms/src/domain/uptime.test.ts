import { describe, expect, it } from 'vitest';
import { computeUptime } from './uptime.ts';

const DAY = 86_400_000;
const day0 = Date.UTC(2026, 0, 10);

describe('computeUptime', () => {
  it('shows the days before the component existed as no data, never as up', () => {
    const now = day0 + 12 * 3600_000; // noon of the last day
    const u = computeUptime({ createdAt: day0 - DAY, before: null, within: [], now, days: 3 });
    expect(u.bars.map((b) => [b.date, b.uptime])).toEqual([
      ['2026-01-08', null],
      ['2026-01-09', 1],
      ['2026-01-10', 1],
    ]);
    expect(u.bars[0]!.observedSeconds).toBe(0);
    expect(u.bars[2]!.observedSeconds).toBe(12 * 3600); // the rest of today is not observed yet
    expect([u.daysWithData, u.percent]).toEqual([2, 100]);
  });

  it('counts a major outage fully and a partial one at 30 %, split at midnight', () => {
    const now = day0 + DAY - 1;
    const within = [
      {
        at: day0 - 6 * 3600_000,
        from: 'operational',
        to: 'major_outage',
        incidentId: 'i',
        maintenanceId: null,
      },
      {
        at: day0 + 6 * 3600_000,
        from: 'major_outage',
        to: 'partial_outage',
        incidentId: 'i',
        maintenanceId: null,
      },
      {
        at: day0 + 12 * 3600_000,
        from: 'partial_outage',
        to: 'operational',
        incidentId: 'i',
        maintenanceId: null,
      },
    ] as const;
    const u = computeUptime({ createdAt: 0, before: null, within: [...within], now, days: 2 });
    expect(u.bars[0]).toMatchObject({ majorOutageSeconds: 6 * 3600, uptime: 0.75, worst: 'major_outage' });
    expect(u.bars[1]!.majorOutageSeconds).toBe(6 * 3600);
    expect(u.bars[1]!.partialOutageSeconds).toBe(6 * 3600);
    expect(u.bars[1]!.uptime).toBeCloseTo(1 - (6 + 0.3 * 6) / 24, 3);
  });

  it('starts the window in the status of the last change before it', () => {
    const before = {
      at: day0 - 5 * DAY,
      from: 'operational',
      to: 'degraded_performance',
      incidentId: null,
      maintenanceId: null,
    } as const;
    const u = computeUptime({ createdAt: 0, before, within: [], now: day0 + DAY - 1, days: 1 });
    expect(u.bars[0]).toMatchObject({ worst: 'degraded_performance', uptime: 1 });
  });
});
