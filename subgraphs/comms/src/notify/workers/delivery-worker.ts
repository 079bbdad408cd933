import type { Logger, Redis } from '@polystatus/kit';
import type { NotifyQueueStore, QueuedJob } from '../../store/notify-queue-store.ts';
import type { NotifyJob } from '../domain/job.ts';
import { nextRetryDelay } from '../domain/retry-schedule.ts';

/**
 * What a channel says about one attempt. `retry` is only honoured when the schedule has attempts left; `wait`
 * means the job was not attempted (another must go first) and is tried again after `pollMs`, its attempt unspent.
 */
export type DeliveryOutcome =
  | { kind: 'done' }
  | { kind: 'retry'; error: string }
  | { kind: 'drop'; reason: string }
  | { kind: 'wait'; reason: string };

/** A channel (mail, webhook, PagerDuty). `lastAttempt`: a failure now is final, the channel records it so. */
export type DeliverFn<J extends NotifyJob> = (
  job: J,
  ctx: { lastAttempt: boolean },
) => Promise<DeliveryOutcome>;

export interface DeliveryChannels {
  mail: DeliverFn<Extract<NotifyJob, { kind: 'mail' }>>;
  webhook: DeliverFn<Extract<NotifyJob, { kind: 'webhook' }>>;
  pagerduty: DeliverFn<Extract<NotifyJob, { kind: 'pagerduty' }>>;
}

export interface DeliveryWorkerOptions {
  queue: NotifyQueueStore;
  /** A connection of its own: the read blocks on it. */
  blocking: Redis;
  consumer: string;
  channels: DeliveryChannels;
  retryScheduleMs: readonly number[];
  /** Jobs in flight at once: one hanging receiver holds one slot for its timeout, never the whole worker. */
  concurrency: number;
  /** A job held this long by a consumer that stopped answering is taken over. */
  claimIdleMs: number;
  /** Longest wait for new jobs, which is also how late a due retry can start. */
  pollMs: number;
  clock: () => number;
  logger: Logger;
  random?: () => number;
}

/**
 * Runs delivery jobs off the queue until stopped. Every job is acknowledged only after its outcome is recorded
 * (done, waiting for a retry, or dropped), so a crash at any point leaves it pending and another worker claims
 * it. Only a crash between a send and its acknowledgement can repeat that one send; a webhook repeated so keeps
 * its `webhook-id`, which receivers deduplicate on (Standard Webhooks).
 */
export function startDeliveryWorker(o: DeliveryWorkerOptions) {
  let running = true;
  const inflight = new Set<Promise<void>>();
  let lastClaim = 0;

  const runOne = async ({ entryId, job }: QueuedJob) => {
    const manual = job.kind === 'webhook' && job.manual === true;
    const delay = manual ? null : nextRetryDelay(o.retryScheduleMs, job.attempt, o.random);
    let outcome: DeliveryOutcome;
    try {
      outcome = await (o.channels[job.kind] as DeliverFn<NotifyJob>)(job, { lastAttempt: delay === null });
    } catch (err) {
      outcome = { kind: 'retry', error: (err as Error).message };
    }
    if (outcome.kind === 'wait') {
      await o.queue.retryAt(entryId, job, o.clock() + o.pollMs);
      return;
    }
    if (outcome.kind === 'retry' && delay !== null) {
      await o.queue.retryAt(entryId, { ...job, attempt: job.attempt + 1 }, o.clock() + delay);
      o.logger.info(
        { job: job.id, kind: job.kind, attempt: job.attempt, retryInMs: delay, err: outcome.error },
        'delivery failed, will retry',
      );
      return;
    }
    await o.queue.done(entryId);
    if (outcome.kind !== 'done') {
      const why = outcome.kind === 'drop' ? outcome.reason : outcome.error;
      o.logger.warn({ job: job.id, kind: job.kind, attempt: job.attempt, reason: why }, 'delivery given up');
    }
  };

  const dispatch = (q: QueuedJob) => {
    const p = runOne(q)
      .catch((err: unknown) =>
        o.logger.error({ err, job: q.job.id }, 'delivery bookkeeping failed; the job stays pending'),
      )
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };

  const loop = async () => {
    await o.queue.ensureGroup();
    while (running) {
      try {
        await o.queue.promoteDue(o.clock(), 500);
        if (o.clock() - lastClaim >= o.claimIdleMs / 2) {
          lastClaim = o.clock();
          for (const q of await o.queue.claimStale(o.consumer, o.claimIdleMs, o.concurrency)) dispatch(q);
        }
        const free = o.concurrency - inflight.size;
        if (free <= 0) {
          await Promise.race(inflight);
          continue;
        }
        for (const q of await o.queue.read(o.blocking, o.consumer, free, o.pollMs)) dispatch(q);
      } catch (err) {
        if (!running) break;
        o.logger.warn({ err: (err as Error).message }, 'delivery worker: queue unreachable, retrying');
        await new Promise((r) => setTimeout(r, Math.min(1000, o.pollMs)));
      }
    }
  };

  const done = loop();
  return {
    /** Stops reading, then waits for the jobs in flight (each bounded by its channel's timeout). */
    async stop() {
      running = false;
      await done;
      await Promise.allSettled([...inflight]);
    },
  };
}
