import { DomainError } from '../errors.ts';
import type { Principal } from './principal.ts';
import { type Role, roleAtLeast } from './roles.ts';

/**
 * The one access check every domain uses. No principal: UNAUTHENTICATED (401). A principal below `min`:
 * FORBIDDEN (403). Call it first in a resolver, before any read or write, so a refused request changes nothing.
 */
export function requireRole(principal: Principal, min: Role): Principal & { id: string; role: Role } {
  if (principal.kind === 'anonymous' || !principal.id || !principal.role) {
    throw new DomainError('UNAUTHENTICATED', 'authentication required');
  }
  if (!roleAtLeast(principal.role, min)) {
    throw new DomainError('FORBIDDEN', `requires role ${min} or higher`);
  }
  return principal as Principal & { id: string; role: Role };
}

/** Who to record as the author of a change (`createdBy`, timeline authors, audit entries). */
export const actorOf = (principal: Principal): string => principal.id ?? 'anonymous';
