import { ANONYMOUS, DomainError, type Principal, type Role, requireRole } from '@polystatus/kit';
import type { Access } from './source.ts';

/** Subscribers are grouped per access level: what one role may read through the graph, all of that role may. */
export type AccessLevel = Role | 'anonymous';

export const accessLevelOf = (principal: Principal): AccessLevel => principal.role ?? 'anonymous';

/** Same rule as the matching query: the kit's requireRole, or nothing for public sources. */
export function authorize(access: Access, principal: Principal, field: string): void {
  if ('public' in access) return;
  try {
    requireRole(principal, access.role);
  } catch (err) {
    if (err instanceof DomainError) throw new DomainError(err.code, `${field}: ${err.message}`);
    throw err;
  }
}

/**
 * The identity a group's hydration runs as: the group's role, and no particular user. Fields that only a given
 * user may see therefore stay hidden from every subscriber, which is the safe side of sharing one result.
 */
export const groupPrincipal = (level: AccessLevel): Principal =>
  level === 'anonymous' ? ANONYMOUS : { kind: 'system', id: `realtime:${level}`, role: level };
