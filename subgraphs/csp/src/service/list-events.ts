import {
  decodeCursor,
  fieldError,
  type Page,
  type Principal,
  pageOf,
  pageSize,
  requireRole,
} from '@polystatus/kit';
import type { CspEvent } from '../domain/csp-event.ts';
import type { CspDeps } from './deps.ts';

export interface EventFilter {
  providers?: readonly string[] | null;
  active?: boolean | null;
}

/** Newest change first. Requires viewer. */
export async function listEvents(
  deps: CspDeps,
  principal: Principal,
  args: { filter?: EventFilter | null; first?: number | null; after?: string | null },
): Promise<Page<CspEvent>> {
  requireRole(principal, 'viewer');
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  if (after !== null && !/^\d+:.+$/.test(after))
    throw fieldError('after', 'is not a cursor this API returned');
  const providers = args.filter?.providers ? [...args.filter.providers] : null;
  const { events, hasNext } = await deps.events.list({
    providers,
    active: args.filter?.active ?? null,
    first,
    after,
  });
  return pageOf(events, hasNext, (e) => `${e.updatedAt}:${e.id}`);
}
