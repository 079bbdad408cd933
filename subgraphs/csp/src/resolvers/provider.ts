import { requireRole, toConnection } from '@polystatus/kit';
import { visibleCircuit } from '../domain/circuit.ts';
import type { CspFeedHealthResolvers, ProviderResolvers } from '../generated/resolvers.ts';
import { listEvents } from '../service/list-events.ts';

export const ProviderType = {
  __resolveReference: async (ref, ctx) => {
    requireRole(ctx.principal, 'viewer');
    return (await ctx.loaders.provider.load(ref.id))?.provider ?? null;
  },
  dependsOn: async (p, _, ctx) =>
    (await ctx.loaders.provider.loadMany(p.dependsOn)).flatMap((s) =>
      s && !(s instanceof Error) ? [s.provider] : [],
    ),
  pollerId: (p, _, ctx) => ctx.loaders.leaseHolder.load(p.id),
  events: async (p, args, ctx) =>
    toConnection(
      await listEvents(ctx.deps, ctx.principal, {
        filter: { providers: [p.id], active: args.active },
        first: args.first,
        after: args.after,
      }),
    ),
} satisfies ProviderResolvers;

export const CspFeedHealthType = {
  circuit: (h, _, ctx) => visibleCircuit(h, ctx.deps.clock()),
  reachable: (h) =>
    h.lastPollAt === null || h.lastErrorAt === null || (h.lastSuccessAt ?? 0) >= h.lastErrorAt,
} satisfies CspFeedHealthResolvers;
