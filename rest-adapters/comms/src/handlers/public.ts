import type { RestHandlers } from '@polystatus/rest-kit';
import { servePublic } from '../public/serve.ts';
import type { SnapshotCache } from '../public/snapshot-cache.ts';

/** operationId → the public path it serves from the snapshot (the same paths the comms subgraph renders). */
export const PUBLIC_OPERATIONS = {
  getPublicStatus: '/api/v1/public/status',
  getPublicSummary: '/api/v1/public/summary',
  statuspageSummary: '/api/v2/summary.json',
  statuspageStatus: '/api/v2/status.json',
  statuspageComponents: '/api/v2/components.json',
  statuspageIncidents: '/api/v2/incidents.json',
  statuspageUnresolvedIncidents: '/api/v2/incidents/unresolved.json',
  statuspageScheduledMaintenances: '/api/v2/scheduled-maintenances.json',
  statuspageUpcomingMaintenances: '/api/v2/scheduled-maintenances/upcoming.json',
  statuspageActiveMaintenances: '/api/v2/scheduled-maintenances/active.json',
  historyAtom: '/history.atom',
  historyRss: '/history.rss',
} as const;

export const publicHandlers = (cache: SnapshotCache): RestHandlers =>
  Object.fromEntries(Object.entries(PUBLIC_OPERATIONS).map(([op, path]) => [op, servePublic(cache, path)]));
