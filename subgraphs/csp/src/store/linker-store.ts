import { type EventEnvelope, envelopeToFields } from '@polystatus/kit';
import type { Redis } from 'ioredis';
import type { CspKeys } from '../keys.ts';
import { scripts } from './scripts.ts';

export interface PendingEvent {
  id: string;
  /** The queue score it was read with; settling checks it so a re-queue meanwhile is not lost. */
  score: string;
}

/**
 * The incident linker's outbox: which events still owe the incidents domain something (an incident to open, an
 * upstream update to copy), how many updates each has copied, and the link itself. The domain never writes the
 * incidents domain's keys; it only remembers what it asked the graph for.
 */
export class LinkerStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CspKeys,
    private readonly streamMaxLen: number,
  ) {
    scripts.install(redis);
  }

  /** Events whose turn has come (score ≤ now), oldest first. */
  async due(now: number, limit: number): Promise<PendingEvent[]> {
    const flat = await this.redis.zrangebyscore(
      this.keys.linkerPending,
      '-inf',
      now,
      'WITHSCORES',
      'LIMIT',
      0,
      limit,
    );
    const out: PendingEvent[] = [];
    for (let i = 0; i < flat.length; i += 2) out.push({ id: flat[i]!, score: flat[i + 1]! });
    return out;
  }

  async settle(p: PendingEvent): Promise<void> {
    await scripts.run(
      this.redis,
      'settlePending',
      [this.keys.linkerPending, this.keys.linkerTries],
      [p.id, p.score],
    );
  }

  /** Counts a failure and moves the event's turn back by `backoff(tries)`. */
  async retryLater(p: PendingEvent, backoff: (tries: number) => number, now: number): Promise<number> {
    const tries = await this.redis.hincrby(this.keys.linkerTries, p.id, 1);
    const wait = backoff(tries);
    await this.redis.zadd(this.keys.linkerPending, 'XX', now + wait, p.id);
    return wait;
  }

  async syncedCount(eventId: string): Promise<number> {
    return Number((await this.redis.get(this.keys.linkerSynced(eventId))) ?? 0);
  }

  async setSynced(eventId: string, count: number): Promise<void> {
    await this.redis.set(this.keys.linkerSynced(eventId), String(count));
  }

  /** Records the incident opened for an event, its index entry and the `csp.incident_linked` event together. */
  async link(eventId: string, incidentId: string, envelope: EventEnvelope<unknown>): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.links, eventId, incidentId)
      .sadd(this.keys.byIncident(incidentId), eventId)
      .xadd(this.keys.events, 'MAXLEN', '~', this.streamMaxLen, '*', ...envelopeToFields(envelope))
      .exec();
  }
}
