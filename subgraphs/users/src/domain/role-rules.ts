import { type Role, roleRank } from '@polystatus/kit';

/** The weaker of two roles: an API token never acts above its owner's current role. */
export const minRole = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);

/** Whether someone holding `holder` may hand out `granted` (to an API token, for instance). */
export const mayGrant = (holder: Role, granted: Role): boolean => roleRank(granted) <= roleRank(holder);

/** Only enabled admins count towards "there is always an admin". */
const isEnabledAdmin = (u: { role: Role; disabled: boolean }) => u.role === 'admin' && !u.disabled;

/**
 * How a change moves a user in or out of the set of enabled admins, and whether it must be refused when that user
 * is the last one.
 */
export function adminMembership(
  before: { role: Role; disabled: boolean },
  after: { role: Role; disabled: boolean },
): { membership: 'add' | 'remove' | 'keep'; guardLastAdmin: boolean } {
  const was = isEnabledAdmin(before);
  const is = isEnabledAdmin(after);
  if (was && !is) return { membership: 'remove', guardLastAdmin: true };
  if (!was && is) return { membership: 'add', guardLastAdmin: false };
  return { membership: 'keep', guardLastAdmin: false };
}
