import { fieldError, type Page, type Principal, pageSize, requireRole } from '@polystatus/kit';
import type { ActionItem, ActionItemStatus } from '../domain/action-item.ts';
import { decodeListCursor, encodeListCursor } from '../domain/filter.ts';
import { validateUserId } from '../domain/validation.ts';
import type { IncidentsLoaders } from '../loaders.ts';
import type { ActionItemFilter } from '../store/action-item-store.ts';

export interface ActionItemListArgs {
  filter?: {
    ownerId?: string | null;
    status?: ActionItemStatus | null;
    overdue?: boolean | null;
    incidentId?: string | null;
  } | null;
  first?: number | null;
  after?: string | null;
}

export async function getActionItem(
  loaders: IncidentsLoaders,
  principal: Principal,
  id: string,
): Promise<ActionItem | null> {
  requireRole(principal, 'viewer');
  return loaders.actionItem.load(id);
}

/**
 * Newest first through the indexes (store/lua/list-action-items.lua). `Incident.actionItems` and
 * `User.actionItems` are the same list with the incident or the owner fixed; the loader batches them.
 */
export async function listActionItems(
  loaders: IncidentsLoaders,
  principal: Principal,
  args: ActionItemListArgs,
  now: number,
): Promise<Page<ActionItem>> {
  requireRole(principal, 'viewer');
  const f = args.filter ?? {};
  const filter: ActionItemFilter = {};
  if (f.ownerId != null) {
    try {
      filter.ownerId = validateUserId('ownerId', f.ownerId);
    } catch {
      throw fieldError('ownerId', 'must be a user id (1 to 128 characters, one line)');
    }
  }
  if (f.incidentId != null) {
    if (f.incidentId.length < 1 || f.incidentId.length > 64)
      throw fieldError('incidentId', 'is not an incident id');
    filter.incidentId = f.incidentId;
  }
  if (f.status) filter.status = f.status;
  if (f.overdue != null) filter.overdue = f.overdue;
  const first = pageSize(args.first, 50);
  const before = args.after ? decodeListCursor(args.after) : null;
  const result = await loaders.actionItemList.load({ filter, before, limit: first, now });
  const items = await loaders.actionItem.loadMany(result.entries.map((e) => e.id));
  const page: Page<ActionItem>['items'] = [];
  result.entries.forEach((entry, i) => {
    const node = items[i];
    if (node instanceof Error) throw node;
    if (node) page.push({ cursor: encodeListCursor(entry.seq), node });
  });
  const endSeq = result.resumeBelow ?? result.entries.at(-1)?.seq ?? null;
  return {
    items: page,
    hasNextPage: result.hasMore,
    endCursor: endSeq === null ? null : encodeListCursor(endSeq),
  };
}
