import type { Cache, Data } from '@urql/exchange-graphcache';

/**
 * List membership for the incident-response and flags views, which the schema cannot tell the normalized cache
 * (see cache.ts): where a new action item goes, which lists a changed one may have left, and where a flag created
 * elsewhere appears. Entities themselves (an action item by `id`, a flag by `key`) update on their own.
 */

const ACTION_ITEM_EVENTS = new Set(['ACTION_ITEM_CREATED', 'ACTION_ITEM_UPDATED']);

/** Puts a new action item first in its incident's cached lists (they are newest first), once. */
export function prependActionItem(cache: Cache, incidentId: string, item: Data | null | undefined): void {
  if (!item) return;
  const key = cache.keyOfEntity(item);
  if (!key) return;
  const incident = { __typename: 'Incident', id: incidentId };
  for (const field of cache.inspectFields(incident)) {
    if (field.fieldName !== 'actionItems') continue;
    const page = cache.resolve(incident, field.fieldKey) as string | null;
    if (!page) continue;
    const nodes = (cache.resolve(page, 'nodes') as string[] | null) ?? [];
    if (!nodes.includes(key)) cache.link(page, 'nodes', [key, ...nodes]);
  }
  invalidateOwnerLists(cache);
}

/**
 * The per-user and cross-incident lists filter by owner, status and due date, which a change can move an item
 * in or out of: they are refetched rather than guessed at.
 */
export function invalidateOwnerLists(cache: Cache): void {
  for (const f of cache.inspectFields('Query'))
    if (f.fieldName === 'actionItems') cache.invalidate('Query', f.fieldKey);
  for (const f of cache.inspectFields('Query')) {
    if (f.fieldName !== 'me') continue;
    const me = cache.resolve('Query', f.fieldKey) as string | null;
    if (!me) continue;
    for (const uf of cache.inspectFields(me))
      if (uf.fieldName === 'actionItems') cache.invalidate(me, uf.fieldKey);
  }
}

/**
 * A timeline entry about an action item (someone else created or changed one): the incident's action item
 * lists are refetched, since the entry carries the message, not the item.
 */
export function refreshActionItemsOn(cache: Cache, incidentId: string, event: Data | null | undefined): void {
  if (!event || !ACTION_ITEM_EVENTS.has(String(event.type))) return;
  const incident = { __typename: 'Incident', id: incidentId };
  for (const field of cache.inspectFields(incident))
    if (field.fieldName === 'actionItems') cache.invalidate(incident, field.fieldKey);
}

/** Adds a flag to the cached `flags` list when it is not there yet (the list is oldest first). */
export function addFlag(cache: Cache, flag: Data | null | undefined): void {
  if (!flag) return;
  const key = cache.keyOfEntity(flag);
  if (!key) return;
  const list = cache.resolve('Query', 'flags') as string[] | null;
  if (list && !list.includes(key)) cache.link('Query', 'flags', [...list, key]);
}

/** A flag changed: its audit log, if shown, is refetched so the new entry appears. */
export function refreshFlagAudit(cache: Cache, flagKey: string): void {
  const flag = { __typename: 'Flag', key: flagKey };
  for (const field of cache.inspectFields(flag))
    if (field.fieldName === 'audit') cache.invalidate(flag, field.fieldKey);
}

/**
 * A timeline entry the flags service wrote (a kill switch pulled from this incident, perhaps in another tab): the
 * signed-in user's flag evaluations, which the room's kill switches show, are refetched. Evaluations have no
 * identity a payload could update.
 */
export function refreshKillSwitchesOn(cache: Cache, event: Data | null | undefined): void {
  if (event?.authorId !== 'system:flags') return;
  for (const f of cache.inspectFields('Query')) {
    if (f.fieldName !== 'me') continue;
    const me = cache.resolve('Query', f.fieldKey) as string | null;
    if (me)
      for (const uf of cache.inspectFields(me))
        if (uf.fieldName === 'flags') cache.invalidate(me, uf.fieldKey);
  }
}
