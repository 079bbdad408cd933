import type { Announcement } from '../../domain/announcement.ts';
import type { Component, ComponentStatus } from '../../domain/component.ts';
import type { Maintenance, MaintenanceUpdate } from '../../domain/maintenance.ts';
import { isSchedulingUpdate, maintenanceUpdateBody, type PublicView, type ViewIncident } from './view.ts';

/**
 * Atlassian Statuspage's public API v2, same paths, fields and enums, so existing aggregators (and our own CSP
 * ingestor) read a PolyStatus page with no special code. Fields Statuspage has and PolyStatus has no notion of
 * (tweets, showcase flags, reminder intervals) are present with Statuspage's neutral values.
 */
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function page(v: PublicView) {
  return { id: v.page.id, name: v.page.name, url: v.page.url, time_zone: 'Etc/UTC', updated_at: iso(v.asOf) };
}

function component(v: PublicView, c: Component) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    position: c.position,
    description: c.description || null,
    showcase: true,
    start_date: iso(c.createdAt)!.slice(0, 10),
    group_id: c.groupId,
    page_id: v.page.id,
    group: false,
    only_show_if_degraded: false,
  };
}

/** Groups are components with `group: true` and their children's ids; their status is their worst child's. */
function components(v: PublicView) {
  const out: unknown[] = [];
  for (const g of [...v.groups].sort((a, b) => a.position - b.position)) {
    const children = v.components.filter((c) => c.groupId === g.id);
    const worst = children.reduce<Component['status']>(
      (w, c) => (rank(c.status) > rank(w) ? c.status : w),
      'operational',
    );
    out.push({
      id: g.id,
      name: g.name,
      status: worst,
      created_at: iso(g.createdAt),
      updated_at: iso(Math.max(g.createdAt, ...children.map((c) => c.updatedAt))),
      position: g.position,
      description: g.description || null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: v.page.id,
      group: true,
      only_show_if_degraded: false,
      components: children.map((c) => c.id),
    });
  }
  for (const c of v.components) out.push(component(v, c));
  return out;
}

const ORDER = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
const rank = (s: string) => ORDER.indexOf(s);

/** "Group - Child", as Statuspage names a grouped component in `affected_components`. */
function displayName(v: PublicView, componentId: string): string {
  const c = v.componentById.get(componentId);
  if (!c) return componentId;
  const g = c.groupId ? v.groupById.get(c.groupId) : undefined;
  return g ? `${g.name} - ${c.name}` : c.name;
}

function update(v: PublicView, a: Announcement) {
  return {
    id: a.id,
    status: a.state,
    body: a.message,
    incident_id: a.incidentId,
    created_at: iso(a.publishedAt),
    updated_at: iso(a.publishedAt),
    display_at: iso(a.publishedAt),
    affected_components:
      a.impacts.length === 0
        ? null
        : a.impacts.map((i) => ({
            code: i.componentId,
            name: displayName(v, i.componentId),
            old_status: i.oldStatus,
            new_status: i.newStatus,
          })),
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

function incident(v: PublicView, i: ViewIncident) {
  const { incident: inc } = i;
  return {
    id: inc.id,
    name: inc.title,
    status: i.status,
    created_at: iso(inc.startedAt),
    updated_at: iso(i.updatedAt),
    monitoring_at: iso(i.monitoringAt),
    resolved_at:
      i.status === 'resolved' ? iso(inc.resolvedAt ?? i.announcements[0]?.publishedAt ?? i.updatedAt) : null,
    impact: i.impact,
    shortlink: `${v.page.url}/incidents/${inc.id}`,
    started_at: iso(inc.startedAt),
    page_id: v.page.id,
    incident_updates: i.announcements.map((a) => update(v, a)),
    components: i.componentIds.flatMap((id) => {
      const c = v.componentById.get(id);
      return c ? [component(v, c)] : [];
    }),
    reminder_intervals: null,
  };
}

/**
 * A component's status at `at` from its history as read, or null when the read does not reach back that far (the
 * last change before the window is itself after `at`: what came between is unknown, so nothing is invented).
 */
function statusAt(v: PublicView, componentId: string, at: number): ComponentStatus | null {
  const h = v.history.get(componentId);
  const changes = h ? [...(h.before ? [h.before] : []), ...h.within] : [];
  const last = changes.findLast((c) => c.at <= at);
  if (last) return last.to;
  if (h?.before) return null;
  // No change before `at` and none before the window either: the status then is what the first later change
  // left, or today's when it never changed.
  return changes[0]?.from ?? v.componentById.get(componentId)?.status ?? null;
}

/**
 * Statuspage's `affected_components` of a maintenance update: the scheduling one lists every component of the
 * maintenance, unchanged (as Statuspage does); a later one lists the status changes that step made (components
 * under maintenance, or back), found in the components' history by this maintenance's id and the step's time,
 * and is null when it changed none (Statuspage's own "in progress" update without a status change).
 */
function maintenanceImpacts(v: PublicView, m: Maintenance, u: MaintenanceUpdate) {
  const scheduling = isSchedulingUpdate(m, u);
  const out = m.componentIds.flatMap((id) => {
    if (!v.componentById.has(id)) return [];
    if (scheduling) {
      const status = statusAt(v, id, u.at);
      return status ? [{ code: id, name: displayName(v, id), old_status: status, new_status: status }] : [];
    }
    const moved = v.history.get(id)?.within.find((c) => c.maintenanceId === m.id && c.at === u.at);
    return moved
      ? [{ code: id, name: displayName(v, id), old_status: moved.from, new_status: moved.to }]
      : [];
  });
  return out.length === 0 ? null : out;
}

function maintenance(v: PublicView, m: Maintenance) {
  const updates = [...m.updates].reverse();
  return {
    id: m.id,
    name: m.name,
    status: m.status,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
    monitoring_at: iso(m.updates.find((u) => u.status === 'verifying')?.at ?? null),
    resolved_at: iso(m.completedAt),
    impact: 'maintenance',
    shortlink: `${v.page.url}/incidents/${m.id}`,
    started_at: iso(m.startedAt ?? m.scheduledFor),
    page_id: v.page.id,
    incident_updates: updates.map((u, n) => ({
      id: `${m.id}-${updates.length - 1 - n}`,
      status: u.status,
      body: maintenanceUpdateBody(m, u),
      incident_id: m.id,
      created_at: iso(u.at),
      updated_at: iso(u.at),
      display_at: iso(u.at),
      affected_components: maintenanceImpacts(v, m, u),
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: m.componentIds.flatMap((id) => {
      const c = v.componentById.get(id);
      return c ? [component(v, c)] : [];
    }),
    scheduled_for: iso(m.scheduledFor),
    scheduled_until: iso(m.scheduledUntil),
  };
}

const upcoming = (v: PublicView) =>
  v.maintenances.filter((m) => m.status === 'scheduled').sort((a, b) => a.scheduledFor - b.scheduledFor);
const active = (v: PublicView) =>
  v.maintenances.filter((m) => m.status === 'in_progress' || m.status === 'verifying');

/** Every Statuspage v2 document, by path. */
export function statuspageDocuments(v: PublicView): Record<string, unknown> {
  const p = page(v);
  const status = { indicator: v.indicator, description: v.description };
  const unresolved = v.unresolved.map((i) => incident(v, i));
  return {
    '/api/v2/summary.json': {
      page: p,
      components: components(v),
      incidents: unresolved,
      scheduled_maintenances: [...active(v), ...upcoming(v)].map((m) => maintenance(v, m)),
      status,
    },
    '/api/v2/status.json': { page: p, status },
    '/api/v2/components.json': { page: p, components: components(v) },
    '/api/v2/incidents.json': { page: p, incidents: v.incidents.map((i) => incident(v, i)) },
    '/api/v2/incidents/unresolved.json': { page: p, incidents: unresolved },
    '/api/v2/scheduled-maintenances.json': {
      page: p,
      scheduled_maintenances: v.maintenances.slice(0, 50).map((m) => maintenance(v, m)),
    },
    '/api/v2/scheduled-maintenances/upcoming.json': {
      page: p,
      scheduled_maintenances: upcoming(v).map((m) => maintenance(v, m)),
    },
    '/api/v2/scheduled-maintenances/active.json': {
      page: p,
      scheduled_maintenances: active(v).map((m) => maintenance(v, m)),
    },
  };
}
