/**
 * How the public page draws a component's 90 days: one bar per UTC day, coloured by the worst status seen that
 * day, and a day without data (before the component existed, or nothing observed) drawn as exactly that, never
 * as a perfect day.
 */
export interface UptimeDayInput {
  date: string;
  uptime: number | null;
  worst: string | null;
}

export type BarTone = 'none' | 'ok' | 'degraded' | 'partial' | 'major' | 'maintenance';

export interface Bar {
  date: string;
  tone: BarTone;
  /** What a tooltip and a screen reader say about the day. */
  label: string;
}

const TONE: Record<string, BarTone> = {
  operational: 'ok',
  degraded_performance: 'degraded',
  partial_outage: 'partial',
  major_outage: 'major',
  under_maintenance: 'maintenance',
};

export const STATUS_LABEL: Record<string, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};

/** The snapshot spells statuses like Statuspage (`major_outage`); GraphQL in upper case. Either is accepted. */
const norm = (s: string | null) => (s === null ? null : s.toLowerCase());

/** A share (0 to 1) as a percentage. */
export const formatPercent = (uptime: number): string => {
  const pct = uptime * 100;
  // 99.999… must not round up to a 100% that hides an outage; two decimals, truncated.
  return `${(Math.floor(pct * 100) / 100).toFixed(2)}%`;
};

export function uptimeBar(day: UptimeDayInput): Bar {
  if (day.uptime === null || day.worst === null)
    return { date: day.date, tone: 'none', label: `${day.date}: no data` };
  const worst = norm(day.worst)!;
  const tone = TONE[worst] ?? 'ok';
  const what = tone === 'ok' ? 'no incident' : (STATUS_LABEL[worst] ?? worst).toLowerCase();
  return { date: day.date, tone, label: `${day.date}: ${formatPercent(day.uptime)} up, ${what}` };
}

/**
 * "99.95% uptime over the 12 days with data", or that there is no data yet. `percent` is the window's figure as
 * the snapshot gives it, 0 to 100 (a day's `uptime` is a share, 0 to 1).
 */
export function uptimeSummary(percent: number | null, daysWithData: number, days: number): string {
  if (percent === null || daysWithData === 0) return 'No data yet';
  const over =
    daysWithData >= days
      ? `${days} days`
      : daysWithData === 1
        ? 'the 1 day with data'
        : `the ${daysWithData} days with data`;
  return `${formatPercent(percent / 100)} uptime over ${over}`;
}

export const statusTone = (status: string): BarTone => TONE[norm(status)!] ?? 'ok';
