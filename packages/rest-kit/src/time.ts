/**
 * The reference REST contracts carry instants as integer epoch seconds; the graph carries ISO-8601 strings.
 * Seconds are floored, never rounded, so an event never appears to happen after the moment it was read.
 */
export function epochSeconds(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: ${iso}`);
  return Math.floor(ms / 1000);
}

export const epochSecondsOrNull = (iso: string | null | undefined): number | null =>
  iso == null ? null : epochSeconds(iso);
