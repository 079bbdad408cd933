import { DomainError, type Principal, requireRole } from '@polystatus/kit';
import { type User, withoutSecret } from '../domain/user.ts';
import type { UsersDeps } from './deps.ts';

/** Viewer and above. Null when there is no such user. */
export async function getUser(deps: UsersDeps, principal: Principal, id: string): Promise<User | null> {
  requireRole(principal, 'viewer');
  const user = await deps.users.get(id);
  return user ? withoutSecret(user) : null;
}

/** The caller's own user (for an API token: its owner). A system principal is nobody's user: null. */
export async function getMe(deps: UsersDeps, principal: Principal): Promise<User | null> {
  const p = requireRole(principal, 'viewer');
  if (p.kind === 'system') return null;
  const user = await deps.users.get(p.id);
  if (!user || user.disabled) throw new DomainError('UNAUTHENTICATED', 'the acting user is disabled or gone');
  return withoutSecret(user);
}
