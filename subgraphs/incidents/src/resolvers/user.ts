import { toConnection } from '@polystatus/kit';
import type { UserResolvers } from '../generated/resolvers.ts';
import { listActionItems } from '../service/list-action-items.ts';
import { listCommandedIncidents } from '../service/list-incidents.ts';
import { userIncidentRoles } from '../service/read-roles.ts';

/** This subgraph contributes `commandedIncidents`, `incidentRoles` and `actionItems` to users; everything else about a user lives in users. */
export const UserType = {
  __resolveReference: (ref) => ({ id: ref.id }),
  commandedIncidents: async (user, args, ctx) =>
    toConnection(await listCommandedIncidents(ctx.loaders, ctx.principal, user.id, args)),
  incidentRoles: (user, _, ctx) => userIncidentRoles(ctx.loaders, ctx.principal, user.id),
  actionItems: async (user, args, ctx) => {
    const filter = { ownerId: user.id, status: args.status, overdue: args.overdue };
    const page = await listActionItems(ctx.loaders, ctx.principal, { ...args, filter }, ctx.deps.clock());
    return toConnection(page);
  },
} satisfies UserResolvers;
