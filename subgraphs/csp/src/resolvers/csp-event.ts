import { requireRole } from '@polystatus/kit';
import type { CspEventResolvers } from '../generated/resolvers.ts';

export const CspEventType = {
  __resolveReference: (ref, ctx) => {
    requireRole(ctx.principal, 'viewer');
    return ctx.loaders.event.load(ref.id);
  },
  provider: async (e, _, ctx) => (await ctx.loaders.provider.load(e.providerId))?.provider ?? null,
  active: (e) => e.resolvedAt === null,
  updates: (e, _, ctx) => (e.updates.length > 0 ? e.updates : ctx.loaders.updates.load(e.id)),
  incident: (e) => (e.incidentId ? { id: e.incidentId } : null),
} satisfies CspEventResolvers;
