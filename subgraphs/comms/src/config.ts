import { bool, EnvError, EVENT_STREAM_MAXLEN, loadEnv, port } from '@polystatus/kit';
import { z } from 'zod';
import { DEFAULT_RETRY_SCHEDULE_MS, parseRetrySchedule } from './notify/domain/retry-schedule.ts';

const shape = {
  PORT: port(4003),
  /** Approximate cap of `<prefix>:comms:events`; consumers further behind than this miss events. */
  COMMS_EVENT_STREAM_MAXLEN: z.coerce.number().int().positive().default(EVENT_STREAM_MAXLEN),
  /**
   * The gateway comms calls as the service principal `system:comms` (viewer) to read incidents. Called lazily,
   * never at start-up: the gateway waits for this subgraph, not the other way round.
   */
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** The public page's name and address, written into the Statuspage JSON and the feeds. */
  COMMS_PAGE_NAME: z.string().min(1).default('PolyStatus'),
  COMMS_PAGE_URL: z.string().url().default('http://localhost:8082'),
  /** How long a resolved incident stays on the public page (and in `/api/v1/public/status`). */
  COMMS_RECENT_RESOLVED_HOURS: z.coerce.number().int().min(0).default(72),
  /** How long the banner and the widget show an incident's all-clear after it is resolved (0: not at all). */
  COMMS_BANNER_RESOLVED_SECONDS: z.coerce.number().int().min(0).default(600),
  /** Public page renderings start at least this far apart: a burst of changes is folded, the last one always shown. */
  COMMS_RENDER_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(250),
  /** How often the replica holding the scheduler lease looks for maintenances due to move. */
  COMMS_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).default(5_000),
  /** Subscribers are reminded this long before a maintenance starts (0: no reminders); at most a week. */
  COMMS_MAINTENANCE_REMINDER_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(64).default(12),
  // notifications (src/notify): variables of the notifications work go below.
  /** smtp(s)://user:pass@host:port. Unset (development): mails are written as .eml files to NOTIFY_OUTBOX_DIR. */
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  MAIL_FROM: z.string().min(3).default('PolyStatus <status@localhost>'),
  NOTIFY_OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
  /** Set to forward incidents to PagerDuty (Events API v2 integration key). */
  PAGERDUTY_ROUTING_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  PAGERDUTY_EVENTS_URL: z.string().url().default('https://events.pagerduty.com/v2/enqueue'),
  /** Lets webhooks (and feeds) reach loopback and private addresses: development and tests only. */
  POLYSTATUS_ALLOW_PRIVATE_NETWORK: bool(false),
  /** Encrypts webhook secrets at rest, signs mail links; required in production (see the users domain). */
  POLYSTATUS_KEY_ENCRYPTION_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(32).optional(),
  ),
  /** Delays between delivery attempts (webhooks, mail, PagerDuty), e.g. `5s,5m,30m`; default about three days. */
  NOTIFY_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_RETRY_SCHEDULE_MS.map((ms) => `${ms}ms`).join(','))
    .transform((v, ctx) => {
      try {
        return parseRetrySchedule(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  NOTIFY_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** An endpoint with no successful delivery for this long, when a message exhausts its retries, is disabled. */
  NOTIFY_WEBHOOK_DISABLE_AFTER_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 86_400_000),
  NOTIFY_WEBHOOK_SECRET_GRACE_MS: z.coerce.number().int().positive().default(86_400_000),
  /** One confirmation mail per address per window; repeats are a quiet success. */
  NOTIFY_CONFIRM_THROTTLE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  NOTIFY_CONFIRM_TTL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(48 * 3600_000),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(32),
  NOTIFY_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** False for a replica that serves the API only; the delivery workers then run in another. */
  NOTIFY_WORKERS: bool(true),
};

export type CommsEnv = ReturnType<typeof loadCommsEnv>;

export function loadCommsEnv(source: NodeJS.ProcessEnv = process.env) {
  const env = loadEnv(shape, source);
  // notifications: webhook secrets sealed with a key derived from a known development default are not secret.
  if (env.NODE_ENV === 'production' && !env.POLYSTATUS_KEY_ENCRYPTION_KEY) {
    throw new EnvError([
      'POLYSTATUS_KEY_ENCRYPTION_KEY: must be set in production (encrypts webhook secrets)',
    ]);
  }
  return env;
}
