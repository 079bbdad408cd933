/**
 * The contract between the feed parsers (this folder, pure code: no I/O, no Redis) and the rest of the csp domain
 * (poller, store, GraphQL, REST). Everything a parser returns is already normalized: times are epoch milliseconds
 * computed from the offsets the feed wrote, text is plain (HTML stripped, entities decoded), statuses and impacts
 * use the enums below. The mapping from each provider's vocabulary is documented in README.md beside this file.
 *
 * Entry points (import from './formats/index.ts'):
 * - `parseFeed(format, body, ctx)` → ParsedFeed, or throws FeedError (never another error type);
 * - `detectFormat(body, contentType?)` → the FeedFormat of a body, or null;
 * - `probeResult(probe, ctx)` → ParsedFeed for the `http` availability probe (the poller does the request);
 * - `diffEvents(previous, next)` → EventDiff, from './formats/transitions.ts'.
 */

/** How a provider's feed is read. `http` is not a body format: the poller probes the URL and calls probeResult. */
export type FeedFormat = 'statuspage' | 'gcp' | 'aws' | 'statusio' | 'slack' | 'rss' | 'atom' | 'http';

export const FEED_FORMATS: readonly FeedFormat[] = [
  'statuspage',
  'gcp',
  'aws',
  'statusio',
  'slack',
  'rss',
  'atom',
  'http',
];

/**
 * Incident statuses (investigating → identified → monitoring → resolved) and maintenance statuses
 * (scheduled → in_progress → verifying → completed). `resolved` and `completed` are the closed states.
 */
export type CspStatus =
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'scheduled'
  | 'in_progress'
  | 'verifying'
  | 'completed'
  | 'unknown';

export type CspImpact = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export type ComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance'
  | 'unknown';

/** One upstream update of an event (a Statuspage incident update, a GCP update, a status.io message…). */
export interface UpstreamUpdate {
  /** Epoch ms, from the update's own timestamp with its offset. */
  at: number;
  /** The event status this update announced; an update that did not change it repeats the previous status. */
  status: CspStatus;
  /** Plain text (HTML stripped, entities decoded, whitespace collapsed; line breaks kept as '\n'). */
  body: string;
  /**
   * Component transitions this update announced (Statuspage `affected_components`), only real ones: an entry whose
   * old status equals its new status is not a transition and is left out. Absent when the feed has none.
   */
  componentChanges?: ComponentChange[];
}

export interface ComponentChange {
  name: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

export interface NormalizedEvent {
  /** Stable id of the event at its provider (Statuspage incident id, GCP id, AWS arn, status.io _id…). */
  upstreamId: string;
  kind: 'incident' | 'maintenance';
  title: string;
  status: CspStatus;
  impact: CspImpact;
  /** Affected services or components, with the provider's names ("Group - Child" when the feed groups them). */
  components: string[];
  /** Region or location ids when the feed names them (GCP location ids, AWS regions). */
  regions: string[];
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms: the newest change the feed reports. */
  updatedAt: number;
  /** Epoch ms, set once the upstream event is closed (resolved or completed). */
  resolvedAt: number | null;
  /** A maintenance's announced window (Statuspage scheduled_for/until, status.io planned start/end). */
  scheduled?: { from: number; until: number | null };
  url: string | null;
  /** Oldest first, whatever the feed's own order. */
  updates: UpstreamUpdate[];
}

export interface ComponentState {
  name: string;
  status: ComponentStatus;
  /** The group (Statuspage group, status.io component of a container) this component belongs to. */
  group?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  /** Current component statuses, when the feed has them (Statuspage summary/components, status.io, http probe). */
  components: ComponentState[];
  events: NormalizedEvent[];
  /**
   * True when the feed lists only current events (Statuspage summary.json and incidents/unresolved.json,
   * status.io, Slack current, AWS current events), so an event that disappears from it has been resolved.
   * False for history feeds (incidents.json, GCP, Atom/RSS), where an event can also drop out of the window.
   */
  currentOnly: boolean;
  /** ctx.now of the parse: diffEvents dates the resolution of events that disappeared from a currentOnly feed. */
  observedAt: number;
}

export interface ParseContext {
  /** The response's Content-Type, used for the charset (UTF-16 AWS feeds) and format detection. */
  contentType?: string;
  /** The feed URL, used to build event links when the feed has only relative ones. */
  url?: string;
  /** Epoch ms of the fetch. */
  now: number;
}

/** Why a body could not be parsed. The message is meant for an operator, e.g. "feed answered HTML, not JSON". */
export type FeedErrorCode =
  | 'empty'
  | 'html'
  | 'invalid_json'
  | 'invalid_xml'
  | 'unexpected_shape'
  | 'too_deep'
  | 'unknown_format';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly format?: FeedFormat,
  ) {
    super(message);
  }
}

/** What the poller observed when probing a URL with the `http` format. */
export interface ProbeObservation {
  /** HTTP status, or null when no response arrived (timeout, DNS, TLS, refused). */
  statusCode: number | null;
  latencyMs: number | null;
  /** A network error message when statusCode is null. */
  error?: string;
}

/** The probe's thresholds; defaults in http-probe.ts. */
export interface ProbeThresholds {
  /** Above this latency a 2xx/3xx answer counts as degraded_performance. */
  slowMs: number;
}

export interface ProbeContext {
  now: number;
  /** The probed URL: names the component and the event. */
  url: string;
  thresholds?: ProbeThresholds;
  /** The provider's open probe event, if any, so a continuing outage keeps its identity. */
  openEvent?: NormalizedEvent | null;
}

export type ParseFeed = (format: FeedFormat, body: Buffer | string, ctx: ParseContext) => ParsedFeed;
export type DetectFormat = (body: Buffer | string, contentType?: string) => FeedFormat | null;

/** What changed between what the store held for a provider and a newly parsed feed. */
export interface EventChange {
  /** The event to store: the new state with the update history of both merged (deduped, oldest first). */
  event: NormalizedEvent;
  previous: NormalizedEvent;
  /** Updates not in `previous` (oldest first); empty when only fields changed. */
  newUpdates: UpstreamUpdate[];
  /** Which fields differ, e.g. ['status', 'updates']. */
  changed: (keyof NormalizedEvent)[];
}

export interface ResolvedChange extends EventChange {
  /** 'upstream': the feed says it is closed; 'disappeared': it left a currentOnly feed. */
  reason: 'upstream' | 'disappeared';
}

export interface EventDiff {
  created: NormalizedEvent[];
  /** Changed but still open (or changed after being closed, e.g. a postmortem appended). */
  updated: EventChange[];
  /** Closed by this feed: newly resolved/completed upstream, or gone from a currentOnly feed. */
  resolved: ResolvedChange[];
}
