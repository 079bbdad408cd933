import { decodeCursor, type Page, type Principal, pageOf, pageSize } from '@polystatus/kit';
import type { ApiToken } from '../store/api-token-store.ts';
import { actingAs } from './actor.ts';
import type { UsersDeps } from './deps.ts';

/** Admin only. Newest first, revoked and expired tokens included (they are part of the record). */
export async function listApiTokens(
  deps: UsersDeps,
  principal: Principal,
  args: { first?: number | null; after?: string | null },
): Promise<Page<ApiToken>> {
  await actingAs(deps, principal, 'admin');
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  const rows = await deps.apiTokens.page(after, first + 1);
  return pageOf(rows.slice(0, first), rows.length > first, (t) => t.id);
}
