import { finishEvent, worstComponentStatus, worstImpact } from './normalize.ts';
import { distinct, isObj, num, type Obj, objs, str } from './read.ts';
import { toPlainLine, toPlainText } from './text.ts';
import { parseIsoTime } from './time.ts';
import {
  type ComponentState,
  type ComponentStatus,
  type CspImpact,
  type CspStatus,
  FeedError,
  type NormalizedEvent,
  type ParseContext,
  type ParsedFeed,
  type UpstreamUpdate,
} from './types.ts';

/**
 * status.io public status (GitLab, Docker): `{result: {status_overall, status[], incidents[], maintenance}}`.
 * Only open items are listed, so an incident that disappears was resolved (currentOnly). Messages are oldest first.
 */

/** status_code: 100 Operational, 200 Planned Maintenance, 300 Degraded, 400 Partial Disruption, 500 Disruption,
 * 600 Security Issue (ranked above 500: it is the code's own order, and GitLab used it for a service-wide event). */
const COMPONENT: Record<number, ComponentStatus> = {
  100: 'operational',
  200: 'under_maintenance',
  300: 'degraded_performance',
  400: 'partial_outage',
  500: 'major_outage',
  600: 'major_outage',
};
const IMPACT: Record<number, CspImpact> = {
  100: 'none',
  200: 'maintenance',
  300: 'minor',
  400: 'major',
  500: 'critical',
  600: 'critical',
};
/** Message `state`: 100 Investigating, 200 Identified, 300 Monitoring. */
const STATE: Record<number, CspStatus> = { 100: 'investigating', 200: 'identified', 300: 'monitoring' };

export function isStatusioShape(doc: unknown): boolean {
  return isObj(doc) && isObj(doc.result) && ('status_overall' in doc.result || 'incidents' in doc.result);
}

export function parseStatusio(doc: unknown, ctx: ParseContext): ParsedFeed {
  if (!isStatusioShape(doc)) {
    throw new FeedError(
      'unexpected_shape',
      'not a status.io status document: expected {result: {status_overall, status, incidents}}',
      'statusio',
    );
  }
  const result = (doc as { result: Obj }).result;
  const components: ComponentState[] = objs(result.status).flatMap((c) => {
    const name = str(c.name);
    if (!name) return [];
    // The real state often lives on the containers (regions, hosts): the component is as bad as its worst one.
    const codes = [num(c.status_code), ...objs(c.containers).map((x) => num(x.status_code))];
    const status = worstComponentStatus(codes.map((code) => COMPONENT[code ?? 0] ?? 'unknown'));
    return [{ name, status }];
  });

  const maintenance = isObj(result.maintenance) ? result.maintenance : {};
  const events: NormalizedEvent[] = [];
  for (const raw of objs(result.incidents)) push(events, toEvent(raw, 'incident', ctx));
  for (const raw of objs(maintenance.active)) push(events, toEvent(raw, 'in_progress', ctx));
  for (const raw of objs(maintenance.upcoming)) push(events, toEvent(raw, 'scheduled', ctx));
  return { format: 'statusio', components, events, currentOnly: true, observedAt: ctx.now };
}

const push = (list: NormalizedEvent[], event: NormalizedEvent | null) => event && list.push(event);

function toEvent(
  raw: Obj,
  kind: 'incident' | 'in_progress' | 'scheduled',
  ctx: ParseContext,
): NormalizedEvent | null {
  const id = str(raw._id) ?? str(raw.id);
  const opened = parseIsoTime(raw.datetime_open);
  if (!id || opened === null) return null;
  const messages = objs(raw.messages);
  const updates: UpstreamUpdate[] = [];
  for (const m of messages) {
    const at = parseIsoTime(m.datetime);
    if (at === null) continue;
    updates.push({
      at,
      status: kind === 'incident' ? (STATE[num(m.state) ?? 0] ?? 'investigating') : kind,
      body: toPlainText(str(m.details) ?? ''),
    });
  }
  const from = parseIsoTime(raw.datetime_planned_start);
  const until = parseIsoTime(raw.datetime_planned_end);
  const isMaintenance = kind !== 'incident';
  const status: CspStatus = isMaintenance ? kind : latestState(updates);
  return finishEvent({
    upstreamId: id,
    kind: isMaintenance ? 'maintenance' : 'incident',
    title: toPlainLine(str(raw.name) ?? ''),
    status,
    impact: isMaintenance
      ? 'maintenance'
      : worstImpact(
          messages.map((m) => IMPACT[num(m.status) ?? 0] ?? 'none'),
          'minor',
        ),
    components: distinct(objs(raw.components_affected).map((c) => str(c.name))),
    // Containers are where a component runs (a cloud, a region): kept as regions for cause-and-effect matching.
    regions: distinct(objs(raw.containers_affected).map((c) => str(c.name))),
    startedAt: opened,
    updatedAt: opened,
    resolvedAt: null,
    url: pageUrl(ctx.url),
    updates,
    ...(from !== null ? { scheduled: { from, until } } : {}),
  });
}

function latestState(updates: UpstreamUpdate[]): CspStatus {
  let latest: UpstreamUpdate | undefined;
  for (const u of updates) if (!latest || u.at >= latest.at) latest = u;
  return latest?.status ?? 'investigating';
}

/** The API URL (api.status.io/1.0/status/<page id>) is not a page a person can read; the page id's own is. */
function pageUrl(url: string | undefined): string | null {
  const id = url ? /\/1\.0\/status\/([0-9a-f]{24})\b/i.exec(url)?.[1] : undefined;
  return id ? `https://status.io/pages/${id}` : null;
}
