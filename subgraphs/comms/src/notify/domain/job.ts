import type { OutgoingMail } from './mail.ts';

/**
 * What the delivery queue carries. Each job is self-contained (a mail is rendered when queued, a webhook names its
 * stored message) so a worker needs nothing else to deliver it, and `attempt` travels with it through retries.
 */
interface JobBase {
  /** Unique per job; the delivery log and the logs name it. */
  id: string;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface MailJob extends JobBase {
  kind: 'mail';
  subscriptionId: string;
  /** A confirmation goes to a pending subscription; everything else only while it is confirmed. */
  purpose: 'confirmation' | 'update';
  mail: OutgoingMail;
}

export interface WebhookJob extends JobBase {
  kind: 'webhook';
  endpointId: string;
  /** The Standard Webhooks `webhook-id`: the same on every attempt and redelivery, so receivers can dedupe. */
  messageId: string;
  /** Set on a manual redelivery: it is logged as such and does not count towards disabling the endpoint. */
  manual?: boolean;
}

export interface PagerDutyJob extends JobBase {
  kind: 'pagerduty';
  incidentId: string;
  /** The ordering lane it waits in (see NotifyQueueStore.enqueueInLane); absent on jobs queued without one. */
  lane?: string;
  /** The Events API v2 body (routing key included at send time, never stored). */
  event: Record<string, unknown>;
}

export type NotifyJob = MailJob | WebhookJob | PagerDutyJob;
