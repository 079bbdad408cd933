/**
 * When to try a failed delivery again. The default spreads eight retries over about three days (Standard
 * Webhooks' recommendation, the schedule Svix and Stripe use): quick ones for a receiver that blipped, long ones
 * for one that is down for a day. Jitter (±20 %) keeps every message that failed in the same outage from
 * retrying in the same second. Tests pass a schedule in milliseconds.
 */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  5 * 3600_000,
  10 * 3600_000,
  24 * 3600_000,
  30 * 3600_000,
];

/** `RETRY_SCHEDULE=5s,5m,30m,2h` → milliseconds; units ms, s, m, h, d. */
export function parseRetrySchedule(text: string): number[] {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+)(ms|s|m|h|d)$/.exec(part);
      if (!m) throw new Error(`"${part}" is not a duration like 500ms, 5s, 5m, 2h or 1d`);
      return Number(m[1]) * units[m[2]!]!;
    });
}

/**
 * Delay before attempt `attempt + 1` after attempt `attempt` (1-based) failed, or null when the schedule is
 * spent. `random` is the test seam for the jitter.
 */
export function nextRetryDelay(
  schedule: readonly number[],
  attempt: number,
  random: () => number = Math.random,
): number | null {
  const base = schedule[attempt - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}
