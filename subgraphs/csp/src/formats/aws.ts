import { parseAwsRss } from './aws-rss.ts';
import { parseJson } from './decode.ts';
import { finishEvent, worstImpact } from './normalize.ts';
import { distinct, isObj, type Obj, objs, str } from './read.ts';
import { isAwsChannel, rssChannel } from './rss.ts';
import { toPlainLine, toPlainText } from './text.ts';
import { parseClockAfter, parseEpochSeconds } from './time.ts';
import {
  type ComponentState,
  type ComponentStatus,
  type CspImpact,
  FeedError,
  type NormalizedEvent,
  type ParseContext,
  type ParsedFeed,
  type UpstreamUpdate,
} from './types.ts';

/**
 * AWS, three shapes under one format: health.aws.amazon.com/public/currentevents (a JSON array, served as UTF-16:
 * decoding is decode.ts's job), the legacy status.aws.amazon.com data.json (`{archive, current}`), and the
 * per-service RSS feeds (aws-rss.ts).
 */

/** AWS status numbers: 0 resolved/normal, 1 informational, 2 degradation, 3 disruption. */
const IMPACT: Record<string, CspImpact> = { '0': 'none', '1': 'minor', '2': 'major', '3': 'critical' };
const COMPONENT: Record<string, ComponentStatus> = {
  '0': 'operational',
  '1': 'degraded_performance',
  '2': 'partial_outage',
  '3': 'major_outage',
};
const HEALTH_URL = 'https://health.aws.amazon.com/health/status';
const RESOLVED_PREFIX = /^\s*\[RESOLVED\]\s*/i;

export function isAwsHealthShape(doc: unknown): boolean {
  if (!Array.isArray(doc)) return false;
  const first = doc.find(isObj);
  return !!first && ('arn' in first || 'event_log' in first || 'impacted_services' in first);
}

export function isAwsLegacyShape(doc: unknown): boolean {
  return (
    isObj(doc) && Array.isArray(doc.current) && (Array.isArray(doc.archive) || doc.archive === undefined)
  );
}

export function parseAws(text: string, ctx: ParseContext): ParsedFeed {
  if (text.trimStart().startsWith('<')) {
    const channel = rssChannel(text, 'aws');
    if (!isAwsChannel(channel)) {
      throw new FeedError(
        'unexpected_shape',
        'an RSS feed, but not an AWS Service Health Dashboard one',
        'aws',
      );
    }
    return parseAwsRss(channel, ctx);
  }
  const doc = parseJson(text, 'aws');
  if (Array.isArray(doc) && (doc.length === 0 || isAwsHealthShape(doc))) return parseHealth(doc, ctx);
  if (isAwsLegacyShape(doc)) return parseLegacy(doc as Obj, ctx);
  throw new FeedError(
    'unexpected_shape',
    'not an AWS feed: expected the current events array (arn, event_log), the legacy {archive, current} data, or RSS',
    'aws',
  );
}

/** `arn:aws:health:us-west-2::event/…` → us-west-2. */
const arnRegion = (arn: string) => /^arn:aws[a-z-]*:health:([a-z0-9-]+):/.exec(arn)?.[1] ?? null;

function parseHealth(doc: unknown[], ctx: ParseContext): ParsedFeed {
  const events: NormalizedEvent[] = [];
  const components = new Map<string, ComponentState>();
  for (const raw of doc) {
    if (!isObj(raw)) continue;
    const arn = str(raw.arn);
    const startedAt = parseEpochSeconds(raw.date);
    if (!arn || startedAt === null) continue;
    const region = arnRegion(arn);
    const endTime = parseEpochSeconds(raw.end_time);
    const closed = endTime !== null || str(raw.status) === '0';
    const impacted = Object.values(isObj(raw.impacted_services) ? raw.impacted_services : {}).filter(isObj);
    for (const s of impacted) {
      const name = str(s.service_name);
      if (!name) continue;
      const key = `${region ?? ''}\u0000${name}`;
      components.set(key, {
        name,
        status: COMPONENT[str(s.current) ?? ''] ?? 'unknown',
        ...(region ? { group: region } : {}),
      });
    }
    const updates: UpstreamUpdate[] = [];
    for (const entry of objs(raw.event_log)) {
      const at = parseEpochSeconds(entry.timestamp);
      if (at === null) continue;
      updates.push({
        at,
        status: str(entry.status) === '0' ? 'resolved' : 'investigating',
        body: toPlainText(str(entry.message) ?? ''),
      });
    }
    const impact = worstImpact(
      impacted.map((s) => IMPACT[str(s.max) ?? ''] ?? 'none'),
      IMPACT[str(raw.status) ?? ''] ?? 'none',
    );
    events.push(
      finishEvent({
        upstreamId: arn,
        kind: 'incident',
        title: toPlainLine(str(raw.summary) ?? '').replace(RESOLVED_PREFIX, ''),
        status: closed ? 'resolved' : 'investigating',
        impact,
        components: distinct(impacted.map((s) => str(s.service_name))),
        regions: region ? [region] : [],
        startedAt,
        updatedAt: Math.max(startedAt, endTime ?? 0),
        resolvedAt: endTime,
        url: HEALTH_URL,
        updates,
      }),
    );
  }
  // The dashboard lists what is happening now (and what just ended): an event gone from it is over.
  return {
    format: 'aws',
    components: [...components.values()],
    events,
    currentOnly: true,
    observedAt: ctx.now,
  };
}

const SERVICE_REGION = /^(.*?)-((?:[a-z]{2}-gov|[a-z]{2})-[a-z]+-\d)$/;
const UPDATE_DIV = /<div\b[^>]*>\s*<span\b[^>]*>([^<]*)<\/span>([\s\S]*?)<\/div>/gi;

function parseLegacy(doc: Obj, ctx: ParseContext): ParsedFeed {
  const events: NormalizedEvent[] = [];
  for (const [list, current] of [
    [doc.archive, false],
    [doc.current, true],
  ] as const) {
    for (const raw of objs(list)) {
      const event = toLegacyEvent(raw, current);
      if (event) events.push(event);
    }
  }
  return { format: 'aws', components: [], events, currentOnly: false, observedAt: ctx.now };
}

function toLegacyEvent(raw: Obj, current: boolean): NormalizedEvent | null {
  const service = str(raw.service);
  const startedAt = parseEpochSeconds(raw.date);
  if (!service || startedAt === null) return null;
  const summary = toPlainLine(str(raw.summary) ?? '');
  const resolved = RESOLVED_PREFIX.test(summary) || !current;
  // Update stamps are clock times without a date ("12:53 PM PDT"), oldest first, from the event's date on.
  const updates: UpstreamUpdate[] = [];
  let cursor = startedAt;
  for (const [, stamp, html] of (str(raw.description) ?? '').matchAll(UPDATE_DIV)) {
    const at = parseClockAfter(toPlainLine(stamp!), cursor);
    if (at === null) continue;
    cursor = at;
    updates.push({ at, status: 'investigating', body: toPlainText(html!) });
  }
  const last = updates.at(-1);
  if (resolved && last) last.status = 'resolved';
  const region = SERVICE_REGION.exec(service)?.[2];
  return finishEvent({
    upstreamId: `${service}_${str(raw.date)}`,
    kind: 'incident',
    title: summary.replace(RESOLVED_PREFIX, ''),
    status: resolved ? 'resolved' : 'investigating',
    impact: IMPACT[str(raw.status) ?? ''] ?? 'minor',
    components: distinct([toPlainLine(str(raw.service_name) ?? '')]),
    regions: region ? [region] : [],
    // The first stamp has minute precision and can fall seconds before `date`: the event began at the earlier.
    startedAt: Math.min(startedAt, updates[0]?.at ?? startedAt),
    updatedAt: last?.at ?? startedAt,
    resolvedAt: resolved ? (last?.at ?? startedAt) : null,
    url: 'https://status.aws.amazon.com/',
    updates,
  });
}
