import { guardedFetch, OutboundRefusedError } from '@polystatus/kit';
import type { NotifyWebhookStore } from '../../store/notify-webhook-store.ts';
import type { WebhookJob } from '../domain/job.ts';
import { webhookHeaders } from '../domain/webhook-signature.ts';
import type { DeliverFn } from './delivery-worker.ts';

export interface WebhookChannelOptions {
  store: NotifyWebhookStore;
  allowPrivate: boolean;
  /** Per attempt, connect to response headers. */
  timeoutMs: number;
  /** An endpoint with no success for this long, when a message runs out of retries, is disabled. */
  disableAfterFailingMs: number;
  clock: () => number;
  userAgent: string;
}

const describe = (err: unknown): string => {
  if (err instanceof OutboundRefusedError) return err.reason;
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
};

/**
 * Sends one signed message to one endpoint and writes the attempt to its delivery log. 2xx is delivered; 410 Gone
 * is the receiver saying "stop", so the endpoint is disabled at once; anything else (another status, a timeout,
 * an unreachable or refused host) is retried on the schedule, and an endpoint that has not taken a delivery for
 * `disableAfterFailingMs` when a message gives up is disabled with the reason recorded.
 */
export function webhookChannel(o: WebhookChannelOptions): DeliverFn<WebhookJob> {
  return async (job, { lastAttempt }) => {
    const endpoint = await o.store.get(job.endpointId);
    if (!endpoint) return { kind: 'drop', reason: 'endpoint deleted' };
    if (endpoint.status === 'disabled' && !job.manual) return { kind: 'drop', reason: 'endpoint disabled' };
    const message = await o.store.message(job.messageId);
    if (!message) return { kind: 'drop', reason: 'message expired' };

    const started = o.clock();
    const secrets = await o.store.validSecrets(endpoint.id, started);
    const headers = {
      'content-type': 'application/json',
      'user-agent': o.userAgent,
      ...webhookHeaders(secrets, message.id, Math.floor(started / 1000), message.body),
    };
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await guardedFetch(new URL(endpoint.url), {
        method: 'POST',
        headers,
        body: message.body,
        allowPrivate: o.allowPrivate,
        timeoutMs: o.timeoutMs,
      });
      statusCode = res.status;
      // The answer's body is not ours to read: release the connection without downloading it.
      await res.body?.cancel().catch(() => {});
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (err) {
      error = describe(err);
    }
    const latencyMs = o.clock() - started;
    const entry = {
      at: started,
      messageId: message.id,
      eventType: message.eventType,
      attempt: job.attempt,
      statusCode,
      latencyMs,
      error,
      manual: job.manual === true,
    };

    if (error === null) {
      await o.store.log(endpoint.id, { ...entry, outcome: 'delivered' });
      await o.store.markHealthy(endpoint.id);
      return { kind: 'done' };
    }
    if (statusCode === 410) {
      await o.store.disable(endpoint.id, 'the receiver answered 410 Gone', o.clock());
      await o.store.log(endpoint.id, { ...entry, outcome: 'disabled' });
      return { kind: 'drop', reason: 'endpoint answered 410 Gone; disabled' };
    }
    const failingSince = job.manual ? null : await o.store.markFailing(endpoint.id, started);
    if (!lastAttempt) {
      await o.store.log(endpoint.id, { ...entry, outcome: 'retrying' });
      return { kind: 'retry', error };
    }
    if (failingSince !== null && o.clock() - failingSince >= o.disableAfterFailingMs) {
      const reason = `no successful delivery since ${new Date(failingSince).toISOString()}; last error: ${error}`;
      await o.store.disable(endpoint.id, reason, o.clock());
      await o.store.log(endpoint.id, { ...entry, outcome: 'disabled' });
      return { kind: 'drop', reason };
    }
    await o.store.log(endpoint.id, { ...entry, outcome: 'failed' });
    return { kind: 'drop', reason: error };
  };
}
