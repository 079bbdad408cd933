import type { ComponentStatus, StatusChange } from './component.ts';
import { statusRank } from './component.ts';

const DAY_MS = 86_400_000;
/** Statuspage's weighting: a partial outage counts as 30% down, a major outage fully; degraded and maintenance as up. */
const PARTIAL_WEIGHT = 0.3;

export interface UptimeDay {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  /** Seconds of that day the component existed and had passed (0: no data, shown as such, never as "up"). */
  observedSeconds: number;
  uptime: number | null;
  majorOutageSeconds: number;
  partialOutageSeconds: number;
  degradedSeconds: number;
  maintenanceSeconds: number;
  worst: ComponentStatus | null;
}

export interface Uptime {
  days: number;
  /** Over the observed time of the window; null when nothing was observed. */
  percent: number | null;
  daysWithData: number;
  bars: UptimeDay[];
}

export interface UptimeInput {
  /** When the component was created: nothing is known before. */
  createdAt: number;
  /** The last change before the window (the status the window starts in), if any. */
  before: StatusChange | null;
  /** Changes inside the window, oldest first. */
  within: StatusChange[];
  now: number;
  days: number;
}

export const startOfUtcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * One bar per UTC day, ending today, from the component's status history. Time before the component existed,
 * and the rest of today, are not observed: they count neither as up nor as down.
 */
export function computeUptime(input: UptimeInput): Uptime {
  const windowStart = startOfUtcDay(input.now) - (input.days - 1) * DAY_MS;
  const bars: UptimeDay[] = [];
  for (let d = 0; d < input.days; d++) {
    const start = windowStart + d * DAY_MS;
    bars.push({
      date: new Date(start).toISOString().slice(0, 10),
      observedSeconds: 0,
      uptime: null,
      majorOutageSeconds: 0,
      partialOutageSeconds: 0,
      degradedSeconds: 0,
      maintenanceSeconds: 0,
      worst: null,
    });
  }

  // Segments [from, to) with one status each, clipped to what was observed.
  let status: ComponentStatus = input.before?.to ?? 'operational';
  let cursor = Math.max(windowStart, input.createdAt);
  const segment = (until: number) => {
    const end = Math.min(until, input.now);
    if (end > cursor) addSegment(bars, windowStart, cursor, end, status);
    cursor = Math.max(cursor, end);
  };
  for (const change of input.within) {
    segment(change.at);
    status = change.to;
  }
  segment(input.now);

  let observed = 0;
  let down = 0;
  let daysWithData = 0;
  for (const bar of bars) {
    if (bar.observedSeconds === 0) continue;
    daysWithData++;
    const barDown = bar.majorOutageSeconds + PARTIAL_WEIGHT * bar.partialOutageSeconds;
    bar.uptime = round4(1 - barDown / bar.observedSeconds);
    observed += bar.observedSeconds;
    down += barDown;
  }
  return {
    days: input.days,
    percent: observed === 0 ? null : round4((1 - down / observed) * 100),
    daysWithData,
    bars,
  };
}

function addSegment(
  bars: UptimeDay[],
  windowStart: number,
  from: number,
  to: number,
  status: ComponentStatus,
) {
  for (let t = from; t < to; ) {
    const index = Math.floor((t - windowStart) / DAY_MS);
    const dayEnd = windowStart + (index + 1) * DAY_MS;
    const end = Math.min(to, dayEnd);
    const bar = bars[index];
    if (bar) {
      const seconds = (end - t) / 1000;
      bar.observedSeconds += seconds;
      if (status === 'major_outage') bar.majorOutageSeconds += seconds;
      else if (status === 'partial_outage') bar.partialOutageSeconds += seconds;
      else if (status === 'degraded_performance') bar.degradedSeconds += seconds;
      else if (status === 'under_maintenance') bar.maintenanceSeconds += seconds;
      if (bar.worst === null || statusRank(status) > statusRank(bar.worst)) bar.worst = status;
    }
    t = end;
  }
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
