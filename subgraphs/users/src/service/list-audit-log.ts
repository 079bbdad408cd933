import { decodeCursor, type Page, type Principal, pageOf, pageSize, requireRole } from '@polystatus/kit';
import type { AuditEntry } from '../domain/audit.ts';
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
  return pageOf(rows.slice(0, first), rows.length > first, (e) => e.id);
}
