import type { Cache, Data } from '@urql/exchange-graphcache';

/**
 * List membership for the comms and csp views (see cache.ts for why the schema cannot say it): a new public
 * update joins its incident's history, a provider event joins or leaves the wallboard's open events and the
 * incident it was linked to, and lists only the server can order are refetched.
 */

/** Puts an announcement first in its incident's history (newest first), once: the mutation and the subscription both bring it. */
export function prependAnnouncement(cache: Cache, announcement: Data | null | undefined): void {
  if (!announcement) return;
  const key = cache.keyOfEntity(announcement);
  if (!key) return;
  const incident = { __typename: 'Incident', id: String(announcement.incidentId) };
  const list = cache.resolve(incident, 'announcements') as string[] | null;
  if (list && !list.includes(key)) cache.link(incident, 'announcements', [key, ...list]);
}

interface CspEventLike {
  id: string;
  providerId?: string;
  active?: boolean;
  incidentId?: string | null;
}

type CspFilter = { providers?: string[] | null; active?: boolean | null } | null | undefined;

/** Whether an event belongs in a `cspEvents(filter:)` list. */
export function matchesCspFilter(filter: CspFilter, event: CspEventLike): boolean {
  if (!filter) return true;
  if (filter.active != null && filter.active !== event.active) return false;
  if (filter.providers?.length && !filter.providers.includes(String(event.providerId))) return false;
  return true;
}

/**
 * A provider event changed: it enters the cached `cspEvents` lists it now matches (newest change first, as the
 * server orders them) and leaves those it no longer does (a resolution takes it off the wallboard). Linked to an
 * incident, it joins that incident's `cspEvents`. The cause graph and each provider's own lists are refetched.
 */
export function placeCspEvent(cache: Cache, event: CspEventLike | null | undefined): void {
  if (!event) return;
  const key = cache.keyOfEntity({ __typename: 'CspEvent', id: event.id });
  if (!key) return;
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'cspCauseGraph') {
      cache.invalidate('Query', field.fieldKey);
      continue;
    }
    if (field.fieldName !== 'cspEvents') continue;
    const page = cache.resolve('Query', field.fieldKey) as string | null;
    if (!page) continue;
    const nodes = (cache.resolve(page, 'nodes') as string[] | null) ?? [];
    const belongs = matchesCspFilter(field.arguments?.filter as CspFilter, event);
    const rest = nodes.filter((n) => n !== key);
    cache.link(page, 'nodes', belongs ? [key, ...rest] : rest);
  }
  if (event.incidentId) {
    const incident = { __typename: 'Incident', id: event.incidentId };
    const linked = cache.resolve(incident, 'cspEvents') as string[] | null;
    if (linked && !linked.includes(key)) cache.link(incident, 'cspEvents', [...linked, key]);
  }
  if (event.providerId) {
    const provider = { __typename: 'Provider', id: event.providerId };
    for (const field of cache.inspectFields(provider))
      if (field.fieldName === 'events') cache.invalidate(provider, field.fieldKey);
  }
}

/** Appends an entity to a cached top-level list (`providers`, `webhookEndpoints` …) when it is not there yet. */
export function appendToList(cache: Cache, fieldName: string, entity: Data | null | undefined): void {
  if (!entity) return;
  const key = cache.keyOfEntity(entity);
  const list = cache.resolve('Query', fieldName) as string[] | null;
  if (key && list && !list.includes(key)) cache.link('Query', fieldName, [...list, key]);
}

/** Takes an entity out of a cached top-level list (a deleted webhook endpoint). */
export function removeFromList(cache: Cache, fieldName: string, entity: Data): void {
  const key = cache.keyOfEntity(entity);
  const list = cache.resolve('Query', fieldName) as string[] | null;
  if (key && list?.includes(key))
    cache.link(
      'Query',
      fieldName,
      list.filter((k) => k !== key),
    );
}

/** Every cached `Query.<fieldName>` (all arguments) is refetched when next shown. */
export function invalidateQueryField(cache: Cache, fieldName: string): void {
  for (const f of cache.inspectFields('Query'))
    if (f.fieldName === fieldName) cache.invalidate('Query', f.fieldKey);
}

/** An endpoint's delivery log, refetched after a redelivery adds an attempt to it. */
export function refreshDeliveries(cache: Cache, endpointId: string): void {
  const endpoint = { __typename: 'WebhookEndpoint', id: endpointId };
  for (const f of cache.inspectFields(endpoint))
    if (f.fieldName === 'deliveries') cache.invalidate(endpoint, f.fieldKey);
}
