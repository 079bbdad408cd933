import { fieldError } from '@polystatus/kit';

/**
 * Redis stream ids (`<ms>-<seq>`) are the resume tokens of every subscription: they order events totally within
 * a stream, so "what did this client miss" and "was this already sent" are both a comparison.
 */
const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;
const MAX_SEQ = 18446744073709551615n;

export const isStreamId = (value: string): boolean => STREAM_ID.test(value);

function parts(id: string): [bigint, bigint] {
  const m = STREAM_ID.exec(id);
  if (!m)
    throw fieldError('after', `must be a stream id such as 1700000000000-0 (got ${JSON.stringify(id)})`);
  return [BigInt(m[1]!), BigInt(m[2]!)];
}

/** Negative when `a` comes before `b`, zero when equal, positive after. */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = parts(a);
  const [bm, bs] = parts(b);
  if (am !== bm) return am < bm ? -1 : 1;
  return as === bs ? 0 : as < bs ? -1 : 1;
}

/**
 * The greatest id strictly before `id`. Reading "after" it starts exactly at `id`, which is how one entry is
 * fetched through an API that only pages forward from an exclusive cursor (`Incident.timeline(after:)`).
 */
export function streamIdBefore(id: string): string {
  const [ms, seq] = parts(id);
  if (seq > 0n) return `${ms}-${seq - 1n}`;
  if (ms === 0n) return '0-0';
  return `${ms - 1n}-${MAX_SEQ}`;
}
