import type { FormattedExecutionResult } from 'graphql';
import { compareStreamIds } from './stream-id.ts';

/** What a subscriber knows of its socket: how much is queued in the kernel-side buffer, and how to drop it. */
export interface Outlet {
  bufferedBytes(): number;
  /** Called once when the subscriber falls too far behind: the socket is closed, the client reconnects with `after`. */
  overflow(reason: string): void;
}

export interface SubscriberLimits {
  /** Results waiting for graphql-ws to send them. */
  maxQueued: number;
  /** Bytes the socket has accepted but not yet written. */
  maxBufferedBytes: number;
}

interface Item {
  cursor: string;
  result: FormattedExecutionResult;
}

/**
 * One client's subscription, as the async iterator graphql-ws consumes. Results are shared objects produced once
 * per group; this class only queues references to them, in cursor order, without duplicates:
 *  - while catching up (`after` given), live results are held back and the replay is delivered first;
 *  - then held results newer than the last replayed one follow, and the subscriber is live.
 * A subscriber whose queue or socket buffer passes its limit is cut off instead of slowing the group.
 */
export class Subscriber implements AsyncIterableIterator<FormattedExecutionResult> {
  private readonly queue: Item[] = [];
  private held: Item[] | null;
  private lastCursor: string | null;
  private waiting: {
    resolve: (r: IteratorResult<FormattedExecutionResult>) => void;
    reject: (err: unknown) => void;
  } | null = null;
  private failure: unknown = null;
  private done = false;
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

  get catchingUp(): boolean {
    return this.held !== null;
  }

  /** A live result from the group. */
  offer(cursor: string, result: FormattedExecutionResult): void {
    if (this.done) return;
    if (this.held) {
      this.held.push({ cursor, result });
      if (this.held.length > this.limits.maxQueued) this.overflow('too many events while catching up');
      return;
    }
    this.push(cursor, result);
  }

  /** A replayed result; replay runs before `goLive`. */
  replayed(cursor: string, result: FormattedExecutionResult): void {
    if (!this.done) this.push(cursor, result);
  }

  /** Ends the catch-up: the held live results that the replay did not already cover go out, then live ones. */
  goLive(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const item of held) this.push(item.cursor, item.result);
  }

  whenEnded(fn: () => void): void {
    if (this.done) fn();
    else this.onEnd.push(fn);
  }

  private push(cursor: string, result: FormattedExecutionResult): void {
    if (this.lastCursor !== null && compareStreamIds(cursor, this.lastCursor) <= 0) return;
    this.lastCursor = cursor;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: result, done: false });
      return;
    }
    this.queue.push({ cursor, result });
    if (
      this.queue.length > this.limits.maxQueued ||
      this.outlet.bufferedBytes() > this.limits.maxBufferedBytes
    ) {
      this.overflow('slow consumer');
    }
  }

  private overflow(reason: string): void {
    this.outlet.overflow(reason);
    this.end();
  }

  next(): Promise<IteratorResult<FormattedExecutionResult>> {
    const item = this.queue.shift();
    if (item) return Promise.resolve({ value: item.result, done: false });
    if (this.failure) {
      const err = this.failure;
      this.failure = null;
      return Promise.reject(err);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /**
   * Ends after what is already queued, with an error the client sees (graphql-ws turns a rejected `next` into an
   * `error` message): used when a catch-up cannot be completed, so the client never believes it has every event.
   */
  fail(err: Error): void {
    if (this.done) return;
    this.failure = err;
    const waiting = this.waiting;
    this.waiting = null;
    this.end(false);
    if (waiting) {
      this.failure = null;
      waiting.reject(err);
    }
  }

  /** graphql-ws calls this when the client completes or the socket closes. */
  return(): Promise<IteratorResult<FormattedExecutionResult>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  end(dropQueued = true): void {
    if (this.done) return;
    this.done = true;
    if (dropQueued) this.queue.length = 0;
    this.held = null;
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
    for (const fn of this.onEnd.splice(0)) fn();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<FormattedExecutionResult> {
    return this;
  }
}
