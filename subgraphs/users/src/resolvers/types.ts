import { requireRole } from '@polystatus/kit';
import type { ApiTokenResolvers, AuditEntryResolvers, UserResolvers } from '../generated/resolvers.ts';

export const User = {
  /** Entity references from other subgraphs (Incident.commander …): batched per request through the loader. */
  __resolveReference: (ref, ctx) => {
    requireRole(ctx.principal, 'viewer');
    return ctx.loaders.user.load(ref.id);
  },
} satisfies UserResolvers;

export const ApiToken = {
  revoked: (t) => t.revokedAt !== null,
  owner: (t, _, ctx) => ctx.loaders.user.load(t.ownerId),
} satisfies ApiTokenResolvers;

export const AuditEntry = {
  actor: (e, _, ctx) =>
    e.actorId && !e.actorId.startsWith('system:') ? ctx.loaders.user.load(e.actorId) : null,
  details: (e) => Object.entries(e.details).map(([key, value]) => ({ key, value: String(value) })),
} satisfies AuditEntryResolvers;
