/**
 * Timestamps of every feed to epoch milliseconds, always from the offset the feed wrote. A time without an offset
 * or with an unknown zone is refused (null) rather than read as UTC or as the server's local time: a wrong time
 * silently reorders updates and breaks overlap detection between providers, a missing one is visible.
 */

/** Zone abbreviations seen in feeds (AWS RSS and legacy data: PDT/PST; Statuspage history: UTC, CET…), in minutes. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  JST: 540,
  KST: 540,
  SGT: 480,
  HKT: 480,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Offset in minutes of `+02:00`, `-0700`, `Z` or a known abbreviation; null when unknown. */
export function zoneOffset(zone: string): number | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offset: number,
) {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  return Date.UTC(year, month, day, hour, minute, second, ms) - offset * 60_000;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;

/** RFC 3339 / ISO 8601 with an offset (`2020-06-16T13:27:41.530-07:00`, `…Z`, `…+0000`). */
export function parseIsoTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const offset = zoneOffset(m[8]!);
  if (offset === null) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, ms, offset);
}

const RFC822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]{1,5})$/;

/** RFC 822 dates of RSS (`Fri, 23 Aug 2019 04:18:35 PDT`, `… +0100`, `… Z`). */
export function parseRfc822Time(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = RFC822.exec(value.trim());
  if (!m) return null;
  const month = MONTHS[m[2]!.toLowerCase()];
  const offset = zoneOffset(m[7]!);
  if (month === undefined || offset === null) return null;
  let year = +m[3]!;
  if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
  return utc(year, month, +m[1]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, 0, offset);
}

/** ISO or RFC 822, whichever the value is (Atom feeds in the wild use both). */
export function parseAnyTime(value: unknown): number | null {
  return parseIsoTime(value) ?? parseRfc822Time(value);
}

/** Epoch seconds as a number or a numeric string (AWS). */
export function parseEpochSeconds(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,12}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : null;
}

/**
 * A Statuspage history stamp without a year (`Jul 9, 04:34 UTC`), read as the latest such moment not after
 * `reference` (the feed's `<updated>`) plus a day of slack; so a December stamp in a January feed lands in the
 * previous year.
 */
export function parseYearlessStamp(value: string, reference: number): number | null {
  const m =
    /^([A-Za-z]{3})[a-z]*\s+(\d{1,2}),\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})$/.exec(
      value.trim(),
    );
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  const offset = zoneOffset(m[6]!);
  if (month === undefined || offset === null) return null;
  const year = new Date(reference).getUTCFullYear();
  const at = (y: number) => utc(y, month, +m[2]!, +m[3]!, +m[4]!, m[5] ? +m[5] : 0, 0, offset);
  const sameYear = at(year);
  if (sameYear === null) return null;
  return sameYear > reference + 86_400_000 ? at(year - 1) : sameYear;
}

/**
 * A clock time without a date (`12:53 PM PDT`, AWS legacy descriptions), placed on the first such moment at or
 * after `notBefore` minus an hour of slack (updates are written oldest first, within days of the event's date).
 */
export function parseClockAfter(value: string, notBefore: number): number | null {
  const m = /^(\d{1,2}):(\d{2})\s*([AP]M)\s+([A-Za-z]{1,5})$/i.exec(value.trim());
  if (!m) return null;
  const offset = zoneOffset(m[4]!);
  let hour = +m[1]!;
  if (offset === null || hour > 12 || hour === 0) return null;
  if (hour === 12) hour = 0;
  if (m[3]!.toUpperCase() === 'PM') hour += 12;
  const local = new Date(notBefore + offset * 60_000);
  let at = utc(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, +m[2]!, 0, 0, offset)!;
  while (at < notBefore - 3_600_000) at += 86_400_000;
  return at;
}
