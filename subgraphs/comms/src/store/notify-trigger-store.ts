import type { Redis } from '@polystatus/kit';
import type { CommsKeys } from '../keys.ts';

/** An event given up by the trigger consumer, as kept in `notify:dead-letters`. */
export interface DeadLetter {
  /** The dead-letter stream entry id. */
  id: string;
  stream: string;
  entryId: string;
  eventId: string;
  type: string;
  attempts: number;
  error: string;
  at: number;
}

/** Dead letters kept for an operator to read; older ones are trimmed. */
const DEAD_LETTER_MAXLEN = 10_000;

/**
 * The trigger consumer's bookkeeping: acknowledging events, counting each event's failed fan-outs, and setting
 * aside (dead-lettering) one that keeps failing so the events behind it are not held up. Counts live in Redis,
 * not in the process, so a consumer that crashes on a poison event and restarts still reaches the limit.
 */
export class NotifyTriggerStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CommsKeys,
  ) {}

  private field = (stream: string, entryId: string) => `${stream}|${entryId}`;

  /** Done with the event: acknowledged, and its failure count (if any) forgotten, in one round trip. */
  async ack(stream: string, group: string, entryId: string): Promise<void> {
    await this.redis
      .multi()
      .xack(stream, group, entryId)
      .hdel(this.keys.notifyTriggerFailures, this.field(stream, entryId))
      .exec();
  }

  /** Counts one more failed fan-out of the event; returns how many there have been. */
  async recordFailure(stream: string, entryId: string): Promise<number> {
    return this.redis.hincrby(this.keys.notifyTriggerFailures, this.field(stream, entryId), 1);
  }

  /** Records the event as given up and acknowledges it, atomically: it is either pending or dead-lettered. */
  async deadLetter(group: string, d: Omit<DeadLetter, 'id'>): Promise<void> {
    await this.redis
      .multi()
      .xadd(this.keys.notifyDeadLetters, 'MAXLEN', '~', DEAD_LETTER_MAXLEN, '*', 'entry', JSON.stringify(d))
      .xack(d.stream, group, d.entryId)
      .hdel(this.keys.notifyTriggerFailures, this.field(d.stream, d.entryId))
      .exec();
  }

  /** The newest dead letters first. */
  async deadLetters(limit: number): Promise<DeadLetter[]> {
    const rows = await this.redis.xrevrange(this.keys.notifyDeadLetters, '+', '-', 'COUNT', limit);
    return rows.map(([id, fields]) => ({ id, ...(JSON.parse(fields[1] ?? '{}') as Omit<DeadLetter, 'id'>) }));
  }

  /**
   * Takes over events another consumer read and has not acknowledged for `idleMs` (it crashed, and a restarted
   * process has a new consumer name): they become this consumer's pending events. Returns how many.
   */
  async claimStale(stream: string, group: string, consumer: string, idleMs: number): Promise<number> {
    let cursor = '0-0';
    let claimed = 0;
    do {
      const [next, entries] = (await this.redis.xautoclaim(
        stream,
        group,
        consumer,
        idleMs,
        cursor,
        'COUNT',
        100,
        'JUSTID',
      )) as [string, string[]];
      claimed += entries.length;
      cursor = next;
    } while (cursor !== '0-0');
    return claimed;
  }
}
