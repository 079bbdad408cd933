import { type Page, type Principal, requireRole } from '@polystatus/kit';
import { encodeListCursor, type ListQuery, parseListArgs } from '../domain/filter.ts';
import type { Incident } from '../domain/incident.ts';
import type { IncidentsLoaders } from '../loaders.ts';

export type ListArgs = Parameters<typeof parseListArgs>[0];

/** Newest first, filtered through the indexes; see store/lua/list.lua for how a page is found. */
export async function listIncidents(
  loaders: IncidentsLoaders,
  principal: Principal,
  args: ListArgs,
): Promise<Page<Incident>> {
  requireRole(principal, 'viewer');
  return page(loaders, parseListArgs(args));
}

/** `User.commandedIncidents`: the same list, fixed to one commander; batched across users by the loader. */
export async function listCommandedIncidents(
  loaders: IncidentsLoaders,
  principal: Principal,
  userId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<Incident>> {
  requireRole(principal, 'viewer');
  const query = parseListArgs({ ...args, filter: null });
  return page(loaders, { ...query, filter: { commander: userId } });
}

async function page(loaders: IncidentsLoaders, query: ListQuery): Promise<Page<Incident>> {
  const result = await loaders.list.load({ filter: query.filter, before: query.before, limit: query.first });
  const items: Page<Incident>['items'] = [];
  for (const { seq, incident } of result.entries) {
    if (!incident) continue;
    // Fields that load the incident again by id (an entity reference in the same request) reuse this read.
    loaders.incident.prime(incident.id, incident);
    items.push({ cursor: encodeListCursor(seq), node: incident });
  }
  const last = result.entries.at(-1);
  const endSeq = result.resumeBelow ?? last?.seq ?? null;
  return { items, hasNextPage: result.hasMore, endCursor: endSeq === null ? null : encodeListCursor(endSeq) };
}
