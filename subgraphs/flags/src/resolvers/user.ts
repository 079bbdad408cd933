import { requireRole } from '@polystatus/kit';
import type { UserResolvers } from '../generated/resolvers.ts';
import { evaluateForUser } from '../service/evaluate-flags.ts';

/**
 * What this subgraph knows of a user: the id, and the role the gateway fetched from the users subgraph because
 * `flags` requires it. Representations carry the enum as its GraphQL name (`MANAGER`); rules compare the
 * lower-case role (`role eq manager`), as the REST `?role=` is written.
 */
export interface UserWithRole {
  id: string;
  role?: string | null;
}

export const UserType = {
  __resolveReference: (ref) => ref as UserWithRole,
  flags: (user, _, ctx) => {
    requireRole(ctx.principal, 'viewer');
    return evaluateForUser(ctx.deps, user.id, user.role ? user.role.toLowerCase() : null);
  },
} satisfies UserResolvers;
