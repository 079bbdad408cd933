import type { Component } from '../../domain/component.ts';
import type { PublicView } from './view.ts';

const seconds = (ms: number) => Math.floor(ms / 1000);
const groupName = (v: PublicView, c: Component) =>
  c.groupId ? (v.groupById.get(c.groupId)?.name ?? null) : null;

/**
 * The reference contract's `GET /api/v1/public/status`: the open and recently resolved incidents, each with its
 * latest public update (`last_public`, null before the first). `status` is the incident's own (open, mitigated,
 * resolved); times are epoch seconds as everywhere in the REST API.
 */
export function referenceStatus(v: PublicView) {
  return v.current.map((i) => {
    const last = i.announcements[0];
    return {
      id: i.incident.id,
      title: i.incident.title,
      sev: i.incident.sev,
      status: i.incident.status,
      last_public: last ? { ts: seconds(last.publishedAt), message: last.message, state: last.state } : null,
    };
  });
}

/**
 * `GET /api/v1/public/summary`: the whole public page in PolyStatus's own REST shape, for the web app's public
 * page and widgets (components with their 90-day uptime, incidents, maintenances with their message and affected
 * components, and the time it is as of).
 * The GraphQL `publicStatus` query reads this same document.
 */
export function publicSummary(v: PublicView) {
  return {
    as_of: seconds(v.asOf),
    version: v.version,
    indicator: v.indicator,
    description: v.description,
    components: v.components.map((c) => {
      const u = v.uptime.get(c.id);
      return {
        id: c.id,
        name: c.name,
        group: groupName(v, c),
        status: c.status,
        uptime_90d: u?.percent ?? null,
        days_with_data: u?.daysWithData ?? 0,
        uptime_days: (u?.bars ?? []).map((b) => ({ date: b.date, uptime: b.uptime, worst: b.worst })),
      };
    }),
    incidents: v.current.map((i) => {
      const last = i.announcements[0];
      return {
        id: i.incident.id,
        title: i.incident.title,
        sev: i.incident.sev,
        status: i.incident.status,
        state: i.status,
        last_message: last?.message ?? null,
        last_public_at: last ? seconds(last.publishedAt) : null,
      };
    }),
    maintenances: v.maintenances
      .filter((m) => m.status !== 'completed')
      .map((m) => ({
        id: m.id,
        name: m.name,
        status: m.status,
        scheduled_for: seconds(m.scheduledFor),
        scheduled_until: seconds(m.scheduledUntil),
        // What the admin wrote for the public (null when nothing was), and the components it affects, in the
        // page's order, named as the component list names them.
        message: m.message || null,
        components: v.components
          .filter((c) => m.componentIds.includes(c.id))
          .map((c) => ({ id: c.id, name: c.name, group: groupName(v, c) })),
      })),
  };
}

export type PublicSummary = ReturnType<typeof publicSummary>;
