import { bool, EVENT_STREAM_MAXLEN, loadEnv, port } from '@polystatus/kit';
import { z } from 'zod';

const ms = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const shape = {
  PORT: port(4004),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(64).default(12),
  /** Approximate cap of `<prefix>:csp:events`. */
  CSP_EVENT_STREAM_MAXLEN: z.coerce.number().int().positive().default(EVENT_STREAM_MAXLEN),
  /**
   * The built-in catalog of real providers, written on the first start only (edits stick): `default` (their
   * real status URLs), `off` (none; tests), or a base URL that serves every catalog feed under
   * `<base>/<provider id><original path>` (the offline demo's simulator).
   */
  CSP_CATALOG: z
    .string()
    .default('default')
    .refine(
      (v) => v === 'default' || v === 'off' || /^https?:\/\/[^\s]+$/.test(v),
      'default, off or an http(s) URL',
    ),
  /** When set, every catalog provider polls at this interval instead of its own (the offline demo: 10). */
  CSP_CATALOG_INTERVAL_SECONDS: z.coerce.number().int().min(10).optional(),
  /** Poll the enabled providers from this process (the REST refresh works either way). */
  CSP_POLLING: bool(true),
  /** How often the poller looks for due providers and renews its leases. */
  CSP_TICK_MS: ms(1000, 10),
  /** A provider's lease lasts this long unless renewed: how long a dead poller's providers wait for another. */
  CSP_LEASE_TTL_MS: ms(15_000, 100),
  /** Default interval between two polls of a provider; each provider may set its own. */
  CSP_DEFAULT_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(120),
  /** Each interval is stretched by up to this fraction at random, so providers do not all poll together. */
  CSP_JITTER: z.coerce.number().min(0).max(1).default(0.2),
  /** Whole budget of one refresh (every attempt included). */
  CSP_FETCH_TIMEOUT_MS: ms(8000, 50),
  /** Largest feed body read; a bigger one is an error (GCP's full history is ~1.3 MB). */
  CSP_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Extra attempts after a network error or a 5xx answer (never after a 4xx or a bad body). */
  CSP_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** First retry delay; each next one doubles. */
  CSP_RETRY_BASE_MS: ms(250, 1),
  /** Failed refreshes in a row that open a provider's circuit. */
  CSP_CIRCUIT_THRESHOLD: z.coerce.number().int().min(1).default(3),
  /** How long an open circuit skips polls before one trial poll (half-open); doubles while trials fail. */
  CSP_CIRCUIT_COOLDOWN_MS: ms(60_000, 1),
  /** Feeds on loopback or private addresses are refused unless this is true (tests and the offline demo). */
  POLYSTATUS_ALLOW_PRIVATE_NETWORK: bool(false),
  /** Where the csp service opens incidents, as the `csp` service principal. */
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  GATEWAY_TIMEOUT_MS: ms(15_000),
};

export type CspEnv = ReturnType<typeof loadCspEnv>;

export const loadCspEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(shape, source);
