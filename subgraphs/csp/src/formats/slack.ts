import { finishEvent } from './normalize.ts';
import { arr, distinct, isObj, type Obj, objs, str } from './read.ts';
import { toPlainLine, toPlainText } from './text.ts';
import { parseIsoTime } from './time.ts';
import {
  type CspImpact,
  type CspStatus,
  FeedError,
  type NormalizedEvent,
  type ParseContext,
  type ParsedFeed,
} from './types.ts';

/**
 * Slack status API v2 (status.slack.com/api/v2.0.0/current): `{status, date_created, date_updated,
 * active_incidents[]}`; an incident gone from active_incidents is over (currentOnly). The `/history` endpoint
 * answers an array of the same incidents, with their final status. Ids are ints in real data, strings in the docs.
 */
const TYPE_IMPACT: Record<string, CspImpact> = {
  outage: 'critical',
  incident: 'major',
  notice: 'minor',
  maintenance: 'maintenance',
};
const INCIDENT_STATUS: Record<string, CspStatus> = {
  active: 'investigating',
  resolved: 'resolved',
  ok: 'resolved',
};
const MAINTENANCE_STATUS: Record<string, CspStatus> = {
  scheduled: 'scheduled',
  active: 'in_progress',
  completed: 'completed',
  resolved: 'completed',
};

export function isSlackShape(doc: unknown): boolean {
  return isObj(doc) && Array.isArray(doc.active_incidents);
}

export function parseSlack(doc: unknown, ctx: ParseContext): ParsedFeed {
  const history = Array.isArray(doc) && doc.every((i) => isObj(i) && 'notes' in i);
  if (!isSlackShape(doc) && !history) {
    throw new FeedError(
      'unexpected_shape',
      'not a Slack status document: expected {status, active_incidents[]} (or the /history array)',
      'slack',
    );
  }
  const list = history ? (doc as unknown[]) : (doc as Obj).active_incidents;
  const events = objs(list)
    .map(toEvent)
    .filter((e): e is NormalizedEvent => e !== null);
  return { format: 'slack', components: [], events, currentOnly: !history, observedAt: ctx.now };
}

function toEvent(raw: Obj): NormalizedEvent | null {
  const id = str(raw.id);
  const created = parseIsoTime(raw.date_created);
  if (!id || created === null) return null;
  const type = str(raw.type) ?? 'incident';
  const maintenance = type === 'maintenance';
  const rawStatus = str(raw.status) ?? 'active';
  const status = (maintenance ? MAINTENANCE_STATUS : INCIDENT_STATUS)[rawStatus] ?? 'investigating';
  const updates = objs(raw.notes).flatMap((n) => {
    const at = parseIsoTime(n.date_created);
    return at === null ? [] : [{ at, status, body: toPlainText(str(n.body) ?? '') }];
  });
  return finishEvent({
    upstreamId: id,
    kind: maintenance ? 'maintenance' : 'incident',
    title: toPlainLine(str(raw.title) ?? ''),
    status,
    impact: TYPE_IMPACT[type] ?? 'major',
    components: distinct(arr(raw.services).map(str)),
    regions: [],
    startedAt: created,
    updatedAt: parseIsoTime(raw.date_updated) ?? created,
    resolvedAt: null,
    url: str(raw.url),
    updates,
  });
}
