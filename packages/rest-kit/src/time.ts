/**
 * The reference REST contracts carry instants as integer epoch seconds; the graph carries ISO-8601 strings.
 * Seconds are floored, never rounded, so an event never appears to happen after the moment it was read.
 */
export function epochSeconds(iso: string): number {
  const fast = canonicalEpochMs(iso);
  const ms = fast ?? Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: ${iso}`);
  return Math.floor(ms / 1000);
}

export const epochSecondsOrNull = (iso: string | null | undefined): number | null =>
  iso == null ? null : epochSeconds(iso);

/** Character codes of the canonical shape's fixed separators: `YYYY-MM-DDTHH:MM:SS.sssZ`. */
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;
const ZERO = 48;

/** The number written by the `count` ASCII digits at `at`, or -1 if one of them is not a digit. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Epoch milliseconds of an instant in the one shape the graph's DateTime emits (`Date#toISOString`:
 * `YYYY-MM-DDTHH:MM:SS.sssZ`), without `Date.parse`'s general parser: a 500-incident list converts 1,500 of
 * them per request. Anything else (another shape, days past the 28th, hour 24, years before 100) returns null
 * and goes through Date.parse, so the two never disagree.
 */
export function canonicalEpochMs(s: string): number | null {
  if (
    s.length !== 24 ||
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(10) !== T ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON ||
    s.charCodeAt(19) !== DOT ||
    s.charCodeAt(23) !== Z
  )
    return null;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = digits(s, 20, 3);
  // Date.UTC reads years 0–99 as 1900–1999: those go to Date.parse with the rest.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 28) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
