import type { NotifyQueueStore } from '../../store/notify-queue-store.ts';
import type { PagerDutyJob } from '../domain/job.ts';
import type { DeliverFn, DeliveryOutcome } from './delivery-worker.ts';

/**
 * Sends a job only when it is first in its lane (the jobs of one incident's PagerDuty events, in stream order);
 * otherwise it waits, without spending an attempt, until those before it are sent or given up. The job leaves its
 * lane once it is finished, whatever the outcome, so a poison job holds its lane only as long as its retries.
 */
export function inLane(queue: NotifyQueueStore, deliver: DeliverFn<PagerDutyJob>): DeliverFn<PagerDutyJob> {
  return async (job, ctx) => {
    if (!job.lane) return deliver(job, ctx);
    const head = await queue.laneHead(job.lane);
    if (head !== null && head !== job.id) return { kind: 'wait', reason: `behind ${head} in ${job.lane}` };
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliver(job, ctx);
    } catch (err) {
      outcome = { kind: 'retry', error: (err as Error).message };
    }
    if (outcome.kind !== 'retry' || ctx.lastAttempt) await queue.leaveLane(job.lane, job.id);
    return outcome;
  };
}
