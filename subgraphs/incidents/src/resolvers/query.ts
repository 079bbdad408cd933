import { toConnection } from '@polystatus/kit';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { getIncident } from '../service/get-incident.ts';
import { incidentStats } from '../service/incident-stats.ts';
import { getActionItem, listActionItems } from '../service/list-action-items.ts';
import { listIncidents } from '../service/list-incidents.ts';

export const Query = {
  incidents: async (_, args, ctx) => toConnection(await listIncidents(ctx.loaders, ctx.principal, args)),
  incident: (_, args, ctx) => getIncident(ctx.loaders, ctx.principal, args.id),
  actionItems: async (_, args, ctx) =>
    toConnection(await listActionItems(ctx.loaders, ctx.principal, args, ctx.deps.clock())),
  actionItem: (_, args, ctx) => getActionItem(ctx.loaders, ctx.principal, args.id),
  incidentStats: (_, args, ctx) => incidentStats(ctx.deps, ctx.principal, args),
} satisfies QueryResolvers;
