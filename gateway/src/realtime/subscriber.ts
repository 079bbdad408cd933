import { compareStreamIds } from './stream-id.ts';

/** A group's result for one event, serialized once and sent as-is to every member. */
export interface SharedResult {
  json: string;
}

/** One subscription's end of its socket. */
export interface Outlet {
  /** Sends a `next` message carrying `payloadJson` for this subscription. */
  send(payloadJson: string): void;
  /** Bytes the socket has accepted but not yet written: what a slow reader makes grow. */
  bufferedBytes(): number;
  /** Called once when the subscriber falls too far behind: the socket is dropped, the client resumes with `after`. */
  overflow(reason: string): void;
}

export interface SubscriberLimits {
  /** Live results held for a subscriber while it catches up. */
  maxQueued: number;
  /** Unsent bytes on the socket beyond which the subscriber is cut off. */
  maxBufferedBytes: number;
}

interface Item {
  cursor: string;
  result: SharedResult;
}

/**
 * One client's subscription. Results arrive in cursor order, already serialized by the group, and go straight to
 * the socket: per subscriber and event the only work is framing the subscription id around shared JSON and one
 * write, which is what 1,000 subscribers per event cost most (graphql-ws's own path would stringify the payload
 * again for each of them). Without duplicates:
 *  - while catching up (`after` given), live results are held back and the replay goes first;
 *  - then held results newer than the last replayed one follow, and the subscriber is live.
 * A subscriber whose socket stops draining is cut off instead of slowing the group.
 *
 * To graphql-ws it is the subscription's async iterator: one that yields nothing and finishes when the
 * subscription ends, so graphql-ws still handles `complete` from either side.
 */
export class Subscriber implements AsyncIterableIterator<never> {
  private held: Item[] | null;
  private lastCursor: string | null;
  private done = false;
  private failure: Error | null = null;
  private settle: { resolve: (r: IteratorResult<never>) => void; reject: (err: unknown) => void } | null =
    null;
  private readonly onEnd: Array<() => void> = [];

  constructor(
    private readonly outlet: Outlet,
    private readonly limits: SubscriberLimits,
    after: string | null,
  ) {
    this.lastCursor = after;
    this.held = after === null ? null : [];
  }

  get closed(): boolean {
    return this.done;
  }

  /** A live result from the group. */
  offer(cursor: string, result: SharedResult): void {
    if (this.done) return;
    if (this.held) {
      this.held.push({ cursor, result });
      if (this.held.length > this.limits.maxQueued) this.overflow('too many events while catching up');
      return;
    }
    this.send(cursor, result);
  }

  /** A replayed result; replay runs before `goLive`. */
  replayed(cursor: string, result: SharedResult): void {
    if (!this.done) this.send(cursor, result);
  }

  /** Ends the catch-up: the held live results the replay did not already cover go out, then live ones. */
  goLive(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const item of held) this.send(item.cursor, item.result);
  }

  whenEnded(fn: () => void): void {
    if (this.done) fn();
    else this.onEnd.push(fn);
  }

  private send(cursor: string, result: SharedResult): void {
    if (this.done) return;
    if (this.lastCursor !== null && compareStreamIds(cursor, this.lastCursor) <= 0) return;
    if (this.outlet.bufferedBytes() > this.limits.maxBufferedBytes) {
      this.overflow('slow consumer');
      return;
    }
    this.lastCursor = cursor;
    this.outlet.send(result.json);
  }

  private overflow(reason: string): void {
    this.outlet.overflow(reason);
    this.end();
  }

  /**
   * Ends with an error the client sees (graphql-ws turns a rejected `next` into an `error` message): used when a
   * catch-up cannot be completed, so the client never believes it has every event.
   */
  fail(err: Error): void {
    if (this.done) return;
    this.failure = err;
    this.end();
  }

  next(): Promise<IteratorResult<never>> {
    if (this.failure) {
      const err = this.failure;
      this.failure = null;
      return Promise.reject(err);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  /** graphql-ws calls this when the client completes or the socket closes. */
  return(): Promise<IteratorResult<never>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.held = null;
    const settle = this.settle;
    this.settle = null;
    if (settle && this.failure) {
      const err = this.failure;
      this.failure = null;
      settle.reject(err);
    } else settle?.resolve({ value: undefined, done: true });
    for (const fn of this.onEnd.splice(0)) fn();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<never> {
    return this;
  }
}
