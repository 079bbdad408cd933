import { toConnection } from '@polystatus/kit';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { getIncident } from '../service/get-incident.ts';
import { listIncidents } from '../service/list-incidents.ts';

export const Query = {
  incidents: async (_, args, ctx) => toConnection(await listIncidents(ctx.loaders, ctx.principal, args)),
  incident: (_, args, ctx) => getIncident(ctx.loaders, ctx.principal, args.id),
} satisfies QueryResolvers;
