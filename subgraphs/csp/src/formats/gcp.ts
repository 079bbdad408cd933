import { finishEvent } from './normalize.ts';
import { distinct, isObj, type Obj, objs, safeUrl, str } from './read.ts';
import { toPlainLine, toPlainText } from './text.ts';
import { parseIsoTime } from './time.ts';
import {
  type CspImpact,
  type CspStatus,
  FeedError,
  type NormalizedEvent,
  type ParseContext,
  type ParsedFeed,
  type UpstreamUpdate,
} from './types.ts';

/**
 * Google Cloud status, status.cloud.google.com/incidents.json: an array of the last year's incidents, newest first.
 * An incident is open exactly while its `end` key is absent; the last update's status is not a closure signal (some
 * closed incidents end on SERVICE_DISRUPTION). One event per incident, with its products as components.
 */

const SEVERITY: Record<string, CspImpact> = { low: 'minor', medium: 'major', high: 'critical' };
const STATUS_IMPACT: Record<string, CspImpact> = {
  SERVICE_INFORMATION: 'minor',
  SERVICE_DISRUPTION: 'major',
  SERVICE_OUTAGE: 'critical',
};
const HOME = 'https://status.cloud.google.com/';

export function isGcpShape(doc: unknown): boolean {
  if (!Array.isArray(doc)) return false;
  const first = doc.find(isObj);
  return !!first && 'external_desc' in first && ('begin' in first || 'affected_products' in first);
}

export function parseGcp(doc: unknown, ctx: ParseContext): ParsedFeed {
  if (!Array.isArray(doc) || (doc.length > 0 && !isGcpShape(doc))) {
    throw new FeedError(
      'unexpected_shape',
      'not a Google Cloud incidents.json: expected an array of incidents with `id`, `begin` and `external_desc`',
      'gcp',
    );
  }
  const events: NormalizedEvent[] = [];
  for (const raw of doc) {
    if (!isObj(raw)) continue;
    const event = toEvent(raw);
    if (event) events.push(event);
  }
  return { format: 'gcp', components: [], events, currentOnly: false, observedAt: ctx.now };
}

function toEvent(raw: Obj): NormalizedEvent | null {
  const id = str(raw.id);
  const begin = parseIsoTime(raw.begin) ?? parseIsoTime(raw.created);
  if (!id || begin === null) return null;
  // `end` present but unreadable still means closed: fall back on `modified` rather than reopening it.
  const closed = raw.end !== undefined && raw.end !== null;
  const end = closed ? (parseIsoTime(raw.end) ?? parseIsoTime(raw.modified)) : null;

  const rawUpdates = objs(raw.updates);
  const updates: UpstreamUpdate[] = [];
  for (const u of rawUpdates) {
    const at = parseIsoTime(u.when) ?? parseIsoTime(u.created);
    if (at === null) continue;
    updates.push({ at, status: updateStatus(u.status), body: toPlainText(str(u.text) ?? '') });
  }
  const latest = str(rawUpdates[0]?.status);
  const status: CspStatus = closed ? 'resolved' : latest === 'AVAILABLE' ? 'monitoring' : 'investigating';

  const locations = (list: unknown) => objs(list).map((l) => str(l.id));
  const regions = distinct([
    ...locations(raw.currently_affected_locations),
    ...locations(raw.previously_affected_locations),
    ...rawUpdates.flatMap((u) => locations(u.affected_locations)),
  ]);
  const products = distinct(objs(raw.affected_products).map((p) => str(p.title)));
  if (products.length === 0 && str(raw.service_name)) products.push(str(raw.service_name)!);

  const uri = str(raw.uri);
  return finishEvent({
    upstreamId: id,
    kind: 'incident',
    title: toPlainLine(str(raw.external_desc) ?? ''),
    status,
    impact: SEVERITY[str(raw.severity) ?? ''] ?? STATUS_IMPACT[str(raw.status_impact) ?? ''] ?? 'major',
    components: products,
    regions,
    startedAt: begin,
    updatedAt: parseIsoTime(raw.modified) ?? end ?? begin,
    resolvedAt: end,
    url: uri ? safeUrl(uri, HOME) : null,
    updates,
  });
}

function updateStatus(value: unknown): CspStatus {
  // An update says AVAILABLE when the service recovered; the incident itself closes only with `end`.
  return value === 'AVAILABLE' ? 'resolved' : 'investigating';
}
