import type { QueryResolvers } from '../generated/resolvers.ts';
import {
  getAnnouncement,
  getComponent,
  getMaintenance,
  listComponents,
  listGroups,
  listMaintenances,
  publicSummary,
} from '../service/reads.ts';
import { publicStatusOf } from './public-status.ts';

export const Query = {
  components: (_, __, ctx) => listComponents(ctx.deps, ctx.principal),
  component: (_, args, ctx) => getComponent(ctx.loaders, ctx.principal, args.id),
  componentGroups: (_, __, ctx) => listGroups(ctx.deps, ctx.principal),
  maintenances: (_, args, ctx) => listMaintenances(ctx.deps, ctx.principal, args),
  maintenance: (_, args, ctx) => getMaintenance(ctx.loaders, ctx.principal, args.id),
  announcement: (_, args, ctx) => getAnnouncement(ctx.loaders, ctx.principal, args.id),
  // Public: no role check. Only what the public page already shows.
  publicStatus: async (_, __, ctx) => publicStatusOf(await publicSummary(ctx.deps)),
} satisfies QueryResolvers;
