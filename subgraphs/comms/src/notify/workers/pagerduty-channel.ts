import { fetch } from 'undici';
import type { PagerDutyJob } from '../domain/job.ts';
import { pagerDutyOutcome } from '../domain/pagerduty-event.ts';
import type { DeliverFn } from './delivery-worker.ts';

export interface PagerDutyChannelOptions {
  routingKey: string;
  /** https://events.pagerduty.com/v2/enqueue; a local receiver in tests. Our configuration, not user input. */
  eventsUrl: string;
  timeoutMs: number;
}

/** Sends one Events API v2 event; 429 and 5xx come back as retries on the queue's schedule. */
export function pagerDutyChannel(o: PagerDutyChannelOptions): DeliverFn<PagerDutyJob> {
  return async (job) => {
    let status: number;
    try {
      const res = await fetch(o.eventsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ routing_key: o.routingKey, ...job.event }),
        redirect: 'manual',
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      status = res.status;
      await res.body?.cancel().catch(() => {});
    } catch (err) {
      return { kind: 'retry', error: (err as Error).message };
    }
    const verdict = pagerDutyOutcome(status);
    if (verdict === 'delivered') return { kind: 'done' };
    if (verdict === 'retry') return { kind: 'retry', error: `PagerDuty answered ${status}` };
    return { kind: 'drop', reason: `PagerDuty refused the event (${status})` };
  };
}
