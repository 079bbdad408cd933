import type { IncidentsContext } from '../context.ts';
import { listCommandedIncidents } from '../service/list-incidents.ts';
import { toConnection } from './connection.ts';

/** This subgraph contributes `commandedIncidents` to users; everything else about a user lives in users. */
export const UserType = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  commandedIncidents: async (
    user: { id: string },
    args: { first?: number | null; after?: string | null },
    ctx: IncidentsContext,
  ) => toConnection(await listCommandedIncidents(ctx.loaders, ctx.principal, user.id, args)),
};
