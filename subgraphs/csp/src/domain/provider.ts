import { type ComponentState, FEED_FORMATS, type FeedFormat } from '../formats/types.ts';

/**
 * A watched provider: where its feed is, how it is read and how often. `id` is its name (the REST contract
 * addresses providers by name: `refresh?provider=cloudflare`), so names are short lower-case identifiers.
 */
export interface Provider {
  id: string;
  name: string;
  feedUrl: string;
  /** As registered: a format, or `json` / `rss` to detect it from the body. */
  type: RequestedType;
  /** The format the last parsed body was read as (the type itself unless it is `json` or `rss`). */
  format: FeedFormat | null;
  intervalSeconds: number;
  enabled: boolean;
  /** Providers this one runs on (a SaaS on AWS): the declared edges of the cause-and-effect graph. */
  dependsOn: string[];
  createdAt: number;
  health: FeedHealth;
  components: ComponentState[];
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/** How the feed itself is doing, as the last polls saw it (shared by every replica through Redis). */
export interface FeedHealth {
  lastPollAt: number | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  lastError: string | null;
  lastHttpStatus: number | null;
  lastDurationMs: number | null;
  consecutiveFailures: number;
  circuit: CircuitState;
  /** While open: when the next trial poll may run. */
  circuitRetryAt: number | null;
  /** Trials that failed in a row since the circuit opened; each doubles the cooldown. */
  circuitTrips: number;
}

export const NEW_HEALTH: FeedHealth = {
  lastPollAt: null,
  lastSuccessAt: null,
  lastErrorAt: null,
  lastError: null,
  lastHttpStatus: null,
  lastDurationMs: null,
  consecutiveFailures: 0,
  circuit: 'closed',
  circuitRetryAt: null,
  circuitTrips: 0,
};

/** The REST contract's `type`: `json` and `rss` pick the format from the body; the others name it. */
export type RequestedType = FeedFormat | 'json';
export const REQUESTED_TYPES: readonly RequestedType[] = ['json', ...FEED_FORMATS];

export const PROVIDER_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const MIN_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 86_400;
