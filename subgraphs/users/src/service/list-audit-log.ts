import { type Principal, requireRole } from '@polystatus/kit';
import type { AuditEntry } from '../domain/audit.ts';
import { decodeCursor, encodeCursor, type Page, pageSize } from '../domain/cursor.ts';
import type { UsersDeps } from './deps.ts';

/** Admin only. Newest first. */
export async function listAuditLog(
  deps: UsersDeps,
  principal: Principal,
  args: { first?: number | null; after?: string | null },
): Promise<Page<AuditEntry>> {
  requireRole(principal, 'admin');
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  const rows = await deps.audit.page(after, first + 1);
  const items = rows.slice(0, first);
  const last = items.at(-1);
  return { items, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.id) : null };
}
