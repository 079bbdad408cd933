import { requireRole } from '@polystatus/kit';
import type { AuditEntry as AuditEntryModel } from '../domain/audit.ts';
import type { User as UserModel } from '../domain/user.ts';
import type { ApiToken as ApiTokenModel } from '../store/api-token-store.ts';
import type { UsersContext } from './context.ts';

export const User = {
  /** Entity references from other subgraphs (Incident.commander …): batched per request through the loader. */
  __resolveReference: (ref: { id: string }, ctx: UsersContext): Promise<UserModel | null> => {
    requireRole(ctx.principal, 'viewer');
    return ctx.loaders.user.load(ref.id);
  },
};

export const ApiToken = {
  revoked: (t: ApiTokenModel) => t.revokedAt !== null,
  owner: (t: ApiTokenModel, _: unknown, ctx: UsersContext) => ctx.loaders.user.load(t.ownerId),
};

export const AuditEntry = {
  actor: (e: AuditEntryModel, _: unknown, ctx: UsersContext) =>
    e.actorId && !e.actorId.startsWith('system:') ? ctx.loaders.user.load(e.actorId) : null,
  details: (e: AuditEntryModel) =>
    Object.entries(e.details).map(([key, value]) => ({ key, value: String(value) })),
};
