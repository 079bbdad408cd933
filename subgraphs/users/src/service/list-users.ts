import {
  decodeCursor,
  type Page,
  type Principal,
  pageOf,
  pageSize,
  type Role,
  requireRole,
} from '@polystatus/kit';
import { type User, withoutSecret } from '../domain/user.ts';
import type { UsersDeps } from './deps.ts';

export interface UserFilter {
  role?: Role | null;
  team?: string | null;
  disabled?: boolean | null;
  /** Case-insensitive substring of the name or the email. */
  q?: string | null;
}

const SCAN_CHUNK = 200;

function matcher(filter: UserFilter | null | undefined): ((u: User) => boolean) | null {
  if (!filter) return null;
  const q = filter.q?.trim().toLowerCase();
  const team = filter.team?.trim().toLowerCase();
  const checks: ((u: User) => boolean)[] = [];
  if (filter.role) checks.push((u) => u.role === filter.role);
  if (team) checks.push((u) => u.team.toLowerCase() === team);
  if (filter.disabled != null) checks.push((u) => u.disabled === filter.disabled);
  if (q) checks.push((u) => u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q));
  return checks.length ? (u) => checks.every((c) => c(u)) : null;
}

/**
 * Viewer and above. Oldest first. Filters are applied while walking the creation index in chunks, each chunk one
 * pipelined read: a directory of people stays in the thousands, far below where a secondary index would pay off.
 */
export async function listUsers(
  deps: UsersDeps,
  principal: Principal,
  args: { first?: number | null; after?: string | null; filter?: UserFilter | null },
): Promise<Page<User>> {
  requireRole(principal, 'viewer');
  const first = pageSize(args.first);
  const matches = matcher(args.filter);
  let cursor = args.after ? decodeCursor(args.after) : null;
  const found: User[] = [];
  const chunk = matches ? SCAN_CHUNK : first + 1;
  while (found.length <= first) {
    const ids = await deps.users.idsAfter(cursor, chunk);
    if (ids.length === 0) break;
    const users = await deps.users.getMany(ids);
    for (const u of users) {
      if (u && (!matches || matches(withoutSecret(u)))) found.push(withoutSecret(u));
      if (found.length > first) break;
    }
    cursor = ids.at(-1)!;
    if (ids.length < chunk) break;
  }
  return pageOf(found.slice(0, first), found.length > first, (u) => u.id);
}
