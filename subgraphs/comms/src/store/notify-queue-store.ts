import type { Redis } from '@polystatus/kit';
import type { CommsKeys } from '../keys.ts';
import type { NotifyJob } from '../notify/domain/job.ts';
import { notifyScripts } from './notify-scripts.ts';

/** One job read from the queue: the stream entry it came in (to acknowledge) and the job. */
export interface QueuedJob {
  entryId: string;
  job: NotifyJob;
}

/**
 * The durable delivery queue: a Redis stream read through one consumer group (jobs survive restarts; a job a
 * crashed worker held is claimed by another after `claimIdleMs`), plus a sorted set of jobs waiting for their
 * retry time. Only the workers and the triggers use it; an API request never waits on a delivery.
 */
export class NotifyQueueStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CommsKeys,
  ) {
    notifyScripts.install(redis);
  }

  async ensureGroup(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.keys.notifyQueue, this.keys.notifyQueueGroup, '0', 'MKSTREAM');
    } catch (err) {
      if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
    }
  }

  async enqueue(job: NotifyJob): Promise<void> {
    await this.redis.xadd(this.keys.notifyQueue, '*', 'job', JSON.stringify(job));
  }

  /** Queues the job unless `recipient` already got one for `eventId`; true when queued. */
  async enqueueOnce(eventId: string, recipient: string, job: NotifyJob, markTtlMs: number): Promise<boolean> {
    const queued = await notifyScripts.run(
      this.redis,
      'enqueueOnce',
      [this.keys.notifySent(eventId, recipient), this.keys.notifyQueue],
      [JSON.stringify(job), markTtlMs],
    );
    return queued === 1;
  }

  /**
   * As `enqueueOnce`, for a job that must be sent after the jobs of its lane with a lower `position` (see
   * store/lua/notify-enqueue-in-lane.lua).
   */
  async enqueueInLane(
    eventId: string,
    recipient: string,
    job: NotifyJob,
    markTtlMs: number,
    lane: { key: string; position: number },
  ): Promise<boolean> {
    const queued = await notifyScripts.run(
      this.redis,
      'enqueueInLane',
      [this.keys.notifySent(eventId, recipient), this.keys.notifyQueue, this.keys.notifyLane(lane.key)],
      [JSON.stringify(job), markTtlMs, lane.position, job.id],
    );
    return queued === 1;
  }

  /** The job a lane lets through now, or null when the lane is empty (or has expired). */
  async laneHead(key: string): Promise<string | null> {
    const [head] = await this.redis.zrange(this.keys.notifyLane(key), '0', '0');
    return head ?? null;
  }

  /** The job is finished (sent or given up): the next one in its lane may go. */
  async leaveLane(key: string, jobId: string): Promise<void> {
    await this.redis.zrem(this.keys.notifyLane(key), jobId);
  }

  /** New jobs for `consumer`; `blocking` must be a connection of its own (it waits up to `blockMs`). */
  async read(blocking: Redis, consumer: string, count: number, blockMs: number): Promise<QueuedJob[]> {
    const res = (await blocking.xreadgroup(
      'GROUP',
      this.keys.notifyQueueGroup,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      this.keys.notifyQueue,
      '>',
    )) as [string, [string, string[]][]][] | null;
    return (res?.[0]?.[1] ?? []).flatMap(([entryId, fields]) => decode(entryId, fields));
  }

  /** Jobs another consumer took and has not finished for `idleMs` (it crashed): now `consumer`'s. */
  async claimStale(consumer: string, idleMs: number, count: number): Promise<QueuedJob[]> {
    const res = (await this.redis.xautoclaim(
      this.keys.notifyQueue,
      this.keys.notifyQueueGroup,
      consumer,
      idleMs,
      '0-0',
      'COUNT',
      count,
    )) as [string, [string, string[] | null][]];
    return res[1].flatMap(([entryId, fields]) => (fields ? decode(entryId, fields) : []));
  }

  async done(entryId: string): Promise<void> {
    await this.redis
      .multi()
      .xack(this.keys.notifyQueue, this.keys.notifyQueueGroup, entryId)
      .xdel(this.keys.notifyQueue, entryId)
      .exec();
  }

  async retryAt(entryId: string, job: NotifyJob, dueAt: number): Promise<void> {
    await notifyScripts.run(
      this.redis,
      'retryLater',
      [this.keys.notifyQueue, this.keys.notifyQueueDelayed],
      [this.keys.notifyQueueGroup, entryId, dueAt, JSON.stringify(job)],
    );
  }

  /** Moves up to `limit` jobs whose retry time has come back to the stream; returns how many. */
  async promoteDue(now: number, limit: number): Promise<number> {
    return (await notifyScripts.run(
      this.redis,
      'promoteDue',
      [this.keys.notifyQueueDelayed, this.keys.notifyQueue],
      [now, limit],
    )) as number;
  }

  async waiting(): Promise<{ queued: number; delayed: number }> {
    const [queued, delayed] = await Promise.all([
      this.redis.xlen(this.keys.notifyQueue),
      this.redis.zcard(this.keys.notifyQueueDelayed),
    ]);
    return { queued, delayed };
  }
}

function decode(entryId: string, fields: string[]): QueuedJob[] {
  const i = fields.indexOf('job');
  if (i < 0 || fields[i + 1] === undefined) return [];
  return [{ entryId, job: JSON.parse(fields[i + 1]!) as NotifyJob }];
}
