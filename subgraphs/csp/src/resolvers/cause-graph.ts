import type { CspContext } from '../context.ts';
import type {
  CspCauseEdgeResolvers,
  CspCauseEvidenceResolvers,
  CspCauseNodeResolvers,
  CspRefreshResultResolvers,
  CspServiceDependencyResolvers,
} from '../generated/resolvers.ts';

const provider = async (id: string, ctx: CspContext) =>
  (await ctx.loaders.provider.load(id))?.provider ?? null;

export const CspCauseNodeType = {
  id: (n) => n.providerId,
  provider: (n, _, ctx) => provider(n.providerId, ctx),
  events: async (n, _, ctx) =>
    (await ctx.loaders.event.loadMany(n.eventIds)).flatMap((e) => (e && !(e instanceof Error) ? [e] : [])),
} satisfies CspCauseNodeResolvers;

export const CspCauseEdgeType = {
  fromId: (e) => e.from,
  toId: (e) => e.to,
  from: (e, _, ctx) => provider(e.from, ctx),
  to: (e, _, ctx) => provider(e.to, ctx),
} satisfies CspCauseEdgeResolvers;

export const CspCauseEvidenceType = {
  cause: (e, _, ctx) => ctx.loaders.event.load(e.causeEventId),
  effect: (e, _, ctx) => ctx.loaders.event.load(e.effectEventId),
  overlapSeconds: (e) => Math.round(e.overlapMs / 1000),
  declaredDependency: (e) => e.declared,
} satisfies CspCauseEvidenceResolvers;

export const CspServiceDependencyType = {
  provider: (d, _, ctx) => provider(d.providerId, ctx),
} satisfies CspServiceDependencyResolvers;

export const CspRefreshResultType = {
  provider: (r, _, ctx) => provider(r.providerId, ctx),
} satisfies CspRefreshResultResolvers;
