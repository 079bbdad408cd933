import type { Principal } from '@polystatus/kit';
import { decodeCursor, encodeCursor, type Page, pageSize } from '../domain/cursor.ts';
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
  const items = rows.slice(0, first);
  const last = items.at(-1);
  return { items, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.id) : null };
}
