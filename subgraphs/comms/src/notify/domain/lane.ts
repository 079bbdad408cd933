/**
 * A stream entry id (`<ms>-<seq>`) as a sorted-set score, so jobs wait in their lane in the order their events
 * were appended: `ms * 1000 + seq` stays an exact integer in a double until the year 2255. Entries past the
 * thousandth of one millisecond share the last score (then ordered by job id), a burst no domain stream sees.
 */
export function lanePosition(entryId: string): number {
  const match = /^(\d+)-(\d+)$/.exec(entryId);
  if (!match) throw new Error(`not a stream entry id: ${entryId}`);
  return Number(match[1]) * 1000 + Math.min(Number(match[2]), 999);
}
