import type { Redis } from '../redis.ts';
import { FreshRead } from './fresh-read.ts';

/** The id a stream that holds nothing (or does not exist) reports as its newest. */
export const EMPTY_STREAM = '0-0';

/**
 * The newest entry id of each of a fixed set of Redis streams, read in one pipeline. Every domain appends to its
 * event stream in the same atomic step as each change (Lua script or MULTI), so a stream's newest id names the
 * last committed change of that domain: equal ids mean "nothing changed since". Each `read()` reflects every
 * write committed before it was called (see FreshRead); a failed read rejects, and callers must then not trust
 * anything they derived from an earlier one.
 */
export class StreamHeads {
  private readonly fresh: FreshRead<readonly string[]>;

  constructor(
    redis: Redis,
    readonly streams: readonly string[],
  ) {
    this.fresh = new FreshRead(async () => {
      const pipeline = redis.pipeline();
      for (const stream of streams) pipeline.xrevrange(stream, '+', '-', 'COUNT', 1);
      const replies = (await pipeline.exec()) ?? [];
      return streams.map((stream, i) => {
        const [err, entries] = replies[i] ?? [new Error(`no reply for ${stream}`), undefined];
        if (err) throw err;
        return (entries as [string, string[]][])[0]?.[0] ?? EMPTY_STREAM;
      });
    });
  }

  /** Newest ids, in the order of `streams`, as of no earlier than `arrivedAt` (performance.now(); default: now). */
  read(arrivedAt?: number): Promise<readonly string[]> {
    return this.fresh.get(arrivedAt);
  }
}
