import { DomainError, type Principal, type Role, requireRole, roleAtLeast } from '@polystatus/kit';
import { minRole } from '../domain/role-rules.ts';
import type { UsersDeps } from './deps.ts';

/** The principal of a change, with the role in effect right now. */
export interface Actor {
  kind: Principal['kind'];
  id: string;
  role: Role;
  tokenId: string | null;
  ip: string | null;
  /** How audit entries and events name this actor. */
  label: string;
}

/**
 * Guards a change. Beyond the role the gateway vouched for, it re-reads the acting user: the gateway may have
 * verified a JWT on its own, so a user disabled or demoted a minute ago must not still be able to manage users
 * here. A token or session never acts above its user's current role.
 */
export async function actingAs(deps: UsersDeps, principal: Principal, min: Role): Promise<Actor> {
  const p = requireRole(principal, min);
  const base = { kind: p.kind, id: p.id, tokenId: p.tokenId ?? null, ip: p.ip ?? null };
  if (p.kind === 'system') return { ...base, role: p.role, label: `system:${p.id}` };
  const user = await deps.users.get(p.id);
  if (!user || user.disabled) throw new DomainError('UNAUTHENTICATED', 'the acting user is disabled or gone');
  const role = minRole(p.role, user.role);
  if (!roleAtLeast(role, min)) throw new DomainError('FORBIDDEN', `requires role ${min} or higher`);
  return { ...base, role, label: p.id };
}
