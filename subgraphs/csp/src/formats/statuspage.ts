import { componentStatus, finishEvent, statuspageStatus } from './normalize.ts';
import { arr, isObj, type Obj, obj, objs, str } from './read.ts';
import { toPlainLine, toPlainText } from './text.ts';
import { parseIsoTime } from './time.ts';
import {
  type ComponentChange,
  type ComponentState,
  type CspImpact,
  FeedError,
  type NormalizedEvent,
  type ParseContext,
  type ParsedFeed,
  type UpstreamUpdate,
} from './types.ts';

/**
 * Atlassian Statuspage API v2 (summary.json, incidents.json, incidents/unresolved.json, scheduled-maintenances*.json,
 * components.json), and incident.io-hosted pages answering the same paths with fewer fields: every field but id,
 * name and status is optional here.
 */

const IMPACTS: ReadonlySet<string> = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);

/** Endpoints that list only open items: an item gone from them was closed. */
const CURRENT_ONLY_PATHS = /\/(summary|unresolved|upcoming|active)\.json$/;

export function isStatuspageShape(doc: unknown): boolean {
  if (!isObj(doc) || !isObj(doc.page)) return false;
  return (
    Array.isArray(doc.components) || Array.isArray(doc.incidents) || Array.isArray(doc.scheduled_maintenances)
  );
}

export function parseStatuspage(doc: unknown, ctx: ParseContext): ParsedFeed {
  if (!isStatuspageShape(doc)) {
    throw new FeedError(
      'unexpected_shape',
      'not a Statuspage API v2 document: expected an object with `page` and `components`, `incidents` or `scheduled_maintenances`',
      'statuspage',
    );
  }
  const root = doc as Obj;
  const page = obj(root.page);
  const pageUrl = str(page.url)?.replace(/\/+$/, '') ?? null;

  const byId = new Map<string, Obj>();
  for (const c of objs(root.components)) {
    const id = str(c.id);
    if (id) byId.set(id, c);
  }
  const groupName = (c: Obj) => {
    const g = byId.get(str(c.group_id) ?? '');
    return g ? (str(g.name) ?? undefined) : undefined;
  };
  const components: ComponentState[] = [];
  for (const c of byId.values()) {
    const name = str(c.name);
    // A group is a heading over its children, which carry the states; its own status only summarizes them.
    if (!name || c.group === true) continue;
    const group = groupName(c);
    components.push({ name, status: componentStatus(c.status), ...(group ? { group } : {}) });
  }

  const events: NormalizedEvent[] = [];
  for (const raw of [...objs(root.incidents), ...objs(root.scheduled_maintenances)]) {
    const event = toEvent(raw, pageUrl, byId);
    if (event) events.push(event);
  }

  const path = ctx.url ? safePath(ctx.url) : '';
  // Without a URL, a document with components is a summary (open items only); a bare list is history.
  const currentOnly = path
    ? CURRENT_ONLY_PATHS.test(path)
    : Array.isArray(root.components) && events.length > 0;
  return { format: 'statuspage', components, events, currentOnly, observedAt: ctx.now };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function toEvent(raw: Obj, pageUrl: string | null, componentsById: Map<string, Obj>): NormalizedEvent | null {
  const id = str(raw.id);
  if (!id) return null;
  const status = statuspageStatus(raw.status);
  const scheduledFrom = parseIsoTime(raw.scheduled_for);
  const maintenance =
    raw.impact === 'maintenance' ||
    scheduledFrom !== null ||
    ['scheduled', 'in_progress', 'verifying', 'completed'].includes(status);
  const impact: CspImpact =
    typeof raw.impact === 'string' && IMPACTS.has(raw.impact)
      ? (raw.impact as CspImpact)
      : maintenance
        ? 'maintenance'
        : 'none';

  const updates = objs(raw.incident_updates)
    .map((u) => toUpdate(u, componentsById))
    .filter((u): u is UpstreamUpdate => u !== null);
  const created = parseIsoTime(raw.created_at);
  const startedAt = parseIsoTime(raw.started_at) ?? created ?? oldest(updates);
  if (startedAt === null) return null;

  const names = objs(raw.components)
    .map((c) => str(c.name))
    .filter((n): n is string => !!n);
  if (names.length === 0) {
    // incident.io pages and some incidents list no components: fall back on the ones their updates touched.
    for (const u of objs(raw.incident_updates)) {
      for (const ac of objs(u.affected_components)) {
        const known = componentsById.get(str(ac.code) ?? '');
        const name = str(known?.name) ?? str(ac.name);
        if (name && !names.includes(name)) names.push(name);
      }
    }
  }

  return finishEvent({
    upstreamId: id,
    kind: maintenance ? 'maintenance' : 'incident',
    title: toPlainLine(str(raw.name) ?? ''),
    status,
    impact,
    components: [...new Set(names)],
    regions: [],
    startedAt,
    updatedAt: parseIsoTime(raw.updated_at) ?? created ?? startedAt,
    resolvedAt: parseIsoTime(raw.resolved_at),
    url: str(raw.shortlink) ?? (pageUrl ? `${pageUrl}/incidents/${id}` : null),
    updates,
    ...(scheduledFrom !== null
      ? { scheduled: { from: scheduledFrom, until: parseIsoTime(raw.scheduled_until) } }
      : {}),
  });
}

const oldest = (updates: UpstreamUpdate[]) => (updates.length ? Math.min(...updates.map((u) => u.at)) : null);

function toUpdate(raw: Obj, componentsById: Map<string, Obj>): UpstreamUpdate | null {
  // `display_at` is the author's chosen (sometimes backdated) display time; `created_at` orders the updates.
  const at = parseIsoTime(raw.created_at) ?? parseIsoTime(raw.display_at);
  if (at === null) return null;
  const changes: ComponentChange[] = [];
  for (const ac of arr(raw.affected_components).filter(isObj)) {
    const from = componentStatus(ac.old_status);
    const to = componentStatus(ac.new_status);
    // The update names a component "Group - Child"; the component list's own name is the one we key on.
    const name = str(componentsById.get(str(ac.code) ?? '')?.name) ?? str(ac.name);
    // Statuspage repeats unchanged components in every update; only a real change is a transition.
    if (name && from !== to) changes.push({ name, from, to });
  }
  return {
    at,
    status: statuspageStatus(raw.status),
    body: toPlainText(str(raw.body) ?? ''),
    ...(changes.length ? { componentChanges: changes } : {}),
  };
}
