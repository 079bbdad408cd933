import DataLoader from 'dataloader';
import type { ActionItem } from './domain/action-item.ts';
import type { Incident, Postmortem, TimelineEntry } from './domain/incident.ts';
import type { RoleAssignment } from './domain/roles.ts';
import type { ActionItemListRequest, ActionItemStore } from './store/action-item-store.ts';
import type {
  IncidentListResult,
  IncidentStore,
  ListRequest,
  ListResult,
  TimelineRequest,
} from './store/incident-store.ts';

export interface IncidentsLoaders {
  incident: DataLoader<string, Incident | null>;
  postmortem: DataLoader<string, Postmortem | null>;
  postmortemHistory: DataLoader<string, Postmortem[]>;
  timeline: DataLoader<TimelineRequest, { entries: TimelineEntry[]; hasMore: boolean }, string>;
  list: DataLoader<ListRequest, IncidentListResult, string>;
  roles: DataLoader<string, RoleAssignment[]>;
  roleHoldings: DataLoader<string, string[]>;
  actionItem: DataLoader<string, ActionItem | null>;
  actionItemList: DataLoader<ActionItemListRequest, ListResult, string>;
}

/**
 * Created per request (a cache shared across requests would serve one user's stale reads to another). Each
 * loader turns every load of one tick into one pipeline, so a list of fifty incidents asking for their
 * postmortems, timelines or commanders' other incidents costs one round trip per field, not fifty.
 */
export function createLoaders(store: IncidentStore, actionItems: ActionItemStore): IncidentsLoaders {
  return {
    incident: new DataLoader((ids) => store.getMany(ids)),
    postmortem: new DataLoader((ids) => store.latestPostmortems(ids)),
    postmortemHistory: new DataLoader((ids) => store.postmortemHistories(ids)),
    timeline: new DataLoader((reqs) => store.timelines(reqs), {
      cacheKeyFn: (r) => `${r.incidentId}\u0000${r.first}\u0000${r.after ?? ''}`,
    }),
    list: new DataLoader((reqs) => store.list(reqs), { cacheKeyFn: (r) => JSON.stringify(r) }),
    roles: new DataLoader((ids) => store.roles(ids)),
    roleHoldings: new DataLoader((userIds) => store.roleHoldings(userIds)),
    actionItem: new DataLoader((ids) => actionItems.getMany(ids)),
    actionItemList: new DataLoader((reqs) => actionItems.list(reqs), {
      cacheKeyFn: (r) => JSON.stringify(r),
    }),
  };
}
