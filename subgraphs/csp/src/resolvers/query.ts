import { requireRole, toConnection } from '@polystatus/kit';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { causeGraph } from '../service/cause-graph.ts';
import { listDependencies } from '../service/dependencies.ts';
import { listEvents } from '../service/list-events.ts';

export const Query = {
  providers: async (_, __, ctx) => {
    requireRole(ctx.principal, 'viewer');
    return (await ctx.deps.providers.all()).map((s) => s.provider);
  },
  provider: async (_, args, ctx) => {
    requireRole(ctx.principal, 'viewer');
    return (await ctx.loaders.provider.load(args.id))?.provider ?? null;
  },
  cspEvents: async (_, args, ctx) => toConnection(await listEvents(ctx.deps, ctx.principal, args)),
  cspEvent: (_, args, ctx) => {
    requireRole(ctx.principal, 'viewer');
    return ctx.loaders.event.load(args.id);
  },
  cspCauseGraph: (_, args, ctx) => causeGraph(ctx.deps, ctx.principal, args.windowHours),
  cspServiceDependencies: (_, __, ctx) => listDependencies(ctx.deps, ctx.principal),
} satisfies QueryResolvers;
