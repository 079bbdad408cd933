import { toConnection } from '@polystatus/kit';
import type { UserResolvers } from '../generated/resolvers.ts';
import { listCommandedIncidents } from '../service/list-incidents.ts';

/** This subgraph contributes `commandedIncidents` to users; everything else about a user lives in users. */
export const UserType = {
  __resolveReference: (ref) => ({ id: ref.id }),
  commandedIncidents: async (user, args, ctx) =>
    toConnection(await listCommandedIncidents(ctx.loaders, ctx.principal, user.id, args)),
} satisfies UserResolvers;
