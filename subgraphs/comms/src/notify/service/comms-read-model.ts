import type { CommsStore } from '../../store/comms-store.ts';
import type { NotifyReadModel } from './read-model.ts';

/** Statuspage's page indicator and description from the worst component status. */
const PAGE_STATUS: Record<string, [string, string]> = {
  major_outage: ['critical', 'Major System Outage'],
  partial_outage: ['major', 'Partial System Outage'],
  degraded_performance: ['minor', 'Minor Service Outage'],
  under_maintenance: ['maintenance', 'Service Under Maintenance'],
  operational: ['none', 'All Systems Operational'],
};
const WORST_FIRST = [
  'major_outage',
  'partial_outage',
  'degraded_performance',
  'under_maintenance',
  'operational',
];

/** The notifications' view of the rest of comms, read from the comms store (the mirror, announcements, components). */
export function commsReadModel(store: CommsStore, page: { id: string; name: string }): NotifyReadModel {
  return {
    async incident(id) {
      const i = await store.incident(id);
      return i ? { title: i.title, sev: i.sev, services: i.services, createdAt: i.startedAt } : null;
    },
    async incidentUpdates(incidentId) {
      const [list = []] = await store.announcementsOf([incidentId]);
      return list.map((a) => ({ id: a.id, status: a.state, body: a.message, at: a.publishedAt }));
    },
    async component(id) {
      const c = await store.component(id);
      return c ? { id: c.record.id, name: c.record.name, createdAt: c.record.createdAt } : null;
    },
    async page() {
      const statuses = new Set((await store.components()).flatMap((c) => (c ? [c.status as string] : [])));
      const worst = WORST_FIRST.find((s) => statuses.has(s)) ?? 'operational';
      const [statusIndicator, statusDescription] = PAGE_STATUS[worst]!;
      return { ...page, statusIndicator, statusDescription };
    },
  };
}
