import { randomUUID } from 'node:crypto';
import { createRedis, createSealer, type Logger, type Redis } from '@polystatus/kit';
import type { CommsKeys } from '../keys.ts';
import { NotifyQueueStore } from '../store/notify-queue-store.ts';
import { NotifySubscriberStore } from '../store/notify-subscriber-store.ts';
import { NotifyTriggerStore } from '../store/notify-trigger-store.ts';
import { NotifyWebhookStore } from '../store/notify-webhook-store.ts';
import { createLinkSigner } from './domain/link-token.ts';
import { createFanOut } from './service/fan-out.ts';
import { subscriberLinks } from './service/links.ts';
import type { NotifyDeps } from './service/notify-deps.ts';
import type { NotifyReadModel } from './service/read-model.ts';
import { startDeliveryWorker } from './workers/delivery-worker.ts';
import { inLane } from './workers/in-lane.ts';
import { createMailSender, mailChannel } from './workers/mail-channel.ts';
import { pagerDutyChannel } from './workers/pagerduty-channel.ts';
import { startTriggerConsumer } from './workers/trigger-consumer.ts';
import { webhookChannel } from './workers/webhook-channel.ts';

/** The settings the notifications read (config.ts, `notify` variables), named as in the environment. */
export interface NotifySettings {
  REDIS_URL: string;
  REDIS_COMMAND_TIMEOUT_MS: number;
  COMMS_PAGE_NAME: string;
  COMMS_PAGE_URL: string;
  SMTP_URL?: string | undefined;
  MAIL_FROM: string;
  NOTIFY_OUTBOX_DIR: string;
  PAGERDUTY_ROUTING_KEY?: string | undefined;
  PAGERDUTY_EVENTS_URL: string;
  POLYSTATUS_ALLOW_PRIVATE_NETWORK: boolean;
  NOTIFY_RETRY_SCHEDULE_MS: number[];
  NOTIFY_WEBHOOK_TIMEOUT_MS: number;
  NOTIFY_WEBHOOK_DISABLE_AFTER_MS: number;
  NOTIFY_WEBHOOK_SECRET_GRACE_MS: number;
  NOTIFY_CONFIRM_THROTTLE_MS: number;
  NOTIFY_CONFIRM_TTL_MS: number;
  NOTIFY_CONCURRENCY: number;
  NOTIFY_POLL_MS: number;
  /** False for a process that serves the API only (the workers run elsewhere). */
  NOTIFY_WORKERS: boolean;
}

export interface NotifyRuntimeOptions {
  settings: NotifySettings;
  redis: Redis;
  keys: CommsKeys;
  /** The key-encryption secret (kit's keyEncryptionSecret): seals webhook secrets, signs mail links. */
  encryptionSecret: string;
  read: NotifyReadModel;
  logger: Logger;
  clock?: () => number;
  /** A name unique to this process among the consumers of the queue and the triggers. */
  consumer?: string;
  /** How long an event read by a consumer that stopped answering waits before another takes it (tests: less). */
  triggerClaimIdleMs?: number;
}

/**
 * Failed fan-outs of one event before it is dead-lettered: enough to ride out a Redis blip or a restart, few
 * enough that the events behind a poison one wait seconds, not forever.
 */
const TRIGGER_MAX_ATTEMPTS = 5;

/**
 * The notification side of comms, assembled: the deps the verbs use, and (unless NOTIFY_WORKERS=false) the two
 * background loops, the trigger consumer (events → jobs) and the delivery worker (jobs → SMTP, HTTP,
 * PagerDuty), each on a blocking Redis connection of its own. Stopping ends the loops, then the connections.
 */
export function startNotifications(o: NotifyRuntimeOptions) {
  const s = o.settings;
  const clock = o.clock ?? Date.now;
  const consumer = o.consumer ?? `comms-${process.pid}-${randomUUID().slice(0, 8)}`;
  const signer = createLinkSigner(o.encryptionSecret);
  const sealer = createSealer(o.encryptionSecret, {
    salt: 'polystatus-comms',
    info: 'webhook-secret-encryption',
  });
  const subscribers = new NotifySubscriberStore(o.redis, o.keys);
  const webhooks = new NotifyWebhookStore(o.redis, o.keys, sealer, {
    logMaxLen: 1000,
    messageTtlMs: 30 * 86_400_000,
  });
  const queue = new NotifyQueueStore(o.redis, o.keys);
  const links = subscriberLinks(s.COMMS_PAGE_URL, signer, s.NOTIFY_CONFIRM_TTL_MS);
  const deps: NotifyDeps = {
    subscribers,
    webhooks,
    queue,
    signer,
    links,
    pageName: s.COMMS_PAGE_NAME,
    allowPrivate: s.POLYSTATUS_ALLOW_PRIVATE_NETWORK,
    confirmThrottleMs: s.NOTIFY_CONFIRM_THROTTLE_MS,
    confirmTtlMs: s.NOTIFY_CONFIRM_TTL_MS,
    secretGraceMs: s.NOTIFY_WEBHOOK_SECRET_GRACE_MS,
    newId: () => randomUUID(),
    clock,
  };
  if (!s.NOTIFY_WORKERS) return { deps, ready: Promise.resolve(), stop: async () => {} };

  const blocking = () =>
    createRedis({
      url: s.REDIS_URL,
      name: 'comms-notify',
      keyPrefix: '',
      commandTimeoutMs: s.REDIS_COMMAND_TIMEOUT_MS,
      blocking: true,
      logger: o.logger,
    });
  const triggerRedis = blocking();
  const workerRedis = blocking();
  const mail = createMailSender({
    smtpUrl: s.SMTP_URL,
    outboxDir: s.NOTIFY_OUTBOX_DIR,
    from: s.MAIL_FROM,
    timeoutMs: 30_000,
  });
  const fanOut = createFanOut({
    queue,
    subscribers,
    webhooks,
    read: o.read,
    links,
    pagerDuty: Boolean(s.PAGERDUTY_ROUTING_KEY),
    dedupeTtlMs: 14 * 86_400_000,
    clock,
    newJobId: () => randomUUID(),
  });
  const triggers = startTriggerConsumer({
    redis: o.redis,
    blocking: triggerRedis.client,
    store: new NotifyTriggerStore(o.redis, o.keys),
    streams: [o.keys.events, o.keys.incidentsEvents],
    group: o.keys.notifyTriggerGroup,
    consumer,
    fanOut,
    pollMs: s.NOTIFY_POLL_MS,
    maxAttempts: TRIGGER_MAX_ATTEMPTS,
    claimIdleMs: o.triggerClaimIdleMs ?? 60_000,
    logger: o.logger,
  });
  const worker = startDeliveryWorker({
    queue,
    blocking: workerRedis.client,
    consumer,
    channels: {
      mail: mailChannel(mail, subscribers),
      webhook: webhookChannel({
        store: webhooks,
        allowPrivate: s.POLYSTATUS_ALLOW_PRIVATE_NETWORK,
        timeoutMs: s.NOTIFY_WEBHOOK_TIMEOUT_MS,
        disableAfterFailingMs: s.NOTIFY_WEBHOOK_DISABLE_AFTER_MS,
        clock,
        userAgent: 'PolyStatus-Webhooks/1',
      }),
      pagerduty: inLane(
        queue,
        s.PAGERDUTY_ROUTING_KEY
          ? pagerDutyChannel({
              routingKey: s.PAGERDUTY_ROUTING_KEY,
              eventsUrl: s.PAGERDUTY_EVENTS_URL,
              timeoutMs: 10_000,
            })
          : async () => ({ kind: 'drop', reason: 'PagerDuty is not configured' }),
      ),
    },
    retryScheduleMs: s.NOTIFY_RETRY_SCHEDULE_MS,
    concurrency: s.NOTIFY_CONCURRENCY,
    claimIdleMs: Math.max(60_000, s.NOTIFY_WEBHOOK_TIMEOUT_MS * 3),
    pollMs: s.NOTIFY_POLL_MS,
    clock,
    logger: o.logger,
  });
  return {
    deps,
    /** The trigger consumer's groups exist: events from now on will be notified. */
    ready: triggers.ready,
    async stop() {
      // Disconnecting ends a blocking read at once, rather than after its poll interval.
      const stopping = [triggers.stop(), worker.stop()];
      triggerRedis.client.disconnect();
      workerRedis.client.disconnect();
      await Promise.allSettled(stopping);
      mail.close();
    },
  };
}

export type Notifications = ReturnType<typeof startNotifications>;
