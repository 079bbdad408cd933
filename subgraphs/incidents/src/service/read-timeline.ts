import { type Page, type Principal, pageSize, requireRole } from '@polystatus/kit';
import { parseStreamId } from '../domain/filter.ts';
import type { TimelineEntry } from '../domain/incident.ts';
import type { IncidentsLoaders } from '../loaders.ts';

/** Oldest first; the cursor of an entry is its own id, the same id events carry as `timelineEntryId`. */
export async function readTimeline(
  loaders: IncidentsLoaders,
  principal: Principal,
  incidentId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<TimelineEntry>> {
  requireRole(principal, 'viewer');
  const first = pageSize(args.first, 100);
  const after = parseStreamId(args.after);
  const { entries, hasMore } = await loaders.timeline.load({ incidentId, first, after });
  return {
    items: entries.map((node) => ({ cursor: node.id, node })),
    hasNextPage: hasMore,
    endCursor: entries.at(-1)?.id ?? after,
  };
}
