import type { IncidentsContext } from '../context.ts';
import { getIncident } from '../service/get-incident.ts';
import { type ListArgs, listIncidents } from '../service/list-incidents.ts';
import { toConnection } from './connection.ts';

export const Query = {
  incidents: async (_: unknown, args: ListArgs, ctx: IncidentsContext) =>
    toConnection(await listIncidents(ctx.loaders, ctx.principal, args)),
  incident: (_: unknown, args: { id: string }, ctx: IncidentsContext) =>
    getIncident(ctx.loaders, ctx.principal, args.id),
};
