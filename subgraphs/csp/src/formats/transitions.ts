import { isClosed } from './normalize.ts';
import type { EventChange, EventDiff, NormalizedEvent, ParsedFeed, UpstreamUpdate } from './types.ts';

/**
 * What a newly parsed feed changes in what the store holds for one provider: events created, updated (history
 * merged, only real changes reported) and resolved (upstream says so, or the event left a feed that lists only
 * current events). An event that left a history feed (a 50-item window, GCP's year) is not resolved by that: it
 * simply aged out, and the store keeps its last known state.
 */
export function diffEvents(previous: NormalizedEvent[], next: ParsedFeed): EventDiff {
  const before = new Map(previous.map((e) => [e.upstreamId, e]));
  const seen = new Set<string>();
  const diff: EventDiff = { created: [], updated: [], resolved: [] };

  for (const incoming of next.events) {
    if (seen.has(incoming.upstreamId)) continue;
    seen.add(incoming.upstreamId);
    const prior = before.get(incoming.upstreamId);
    if (!prior) {
      diff.created.push(incoming);
      continue;
    }
    const change = compare(prior, incoming);
    if (!change) continue;
    if (isClosed(incoming.status) && !isClosed(prior.status))
      diff.resolved.push({ ...change, reason: 'upstream' });
    else diff.updated.push(change);
  }

  if (next.currentOnly) {
    for (const prior of previous) {
      if (seen.has(prior.upstreamId) || isClosed(prior.status)) continue;
      const event: NormalizedEvent = {
        ...prior,
        status: prior.kind === 'maintenance' ? 'completed' : 'resolved',
        updatedAt: Math.max(prior.updatedAt, next.observedAt),
        resolvedAt: Math.max(prior.updatedAt, next.observedAt),
      };
      diff.resolved.push({
        event,
        previous: prior,
        newUpdates: [],
        changed: ['status', 'updatedAt', 'resolvedAt'],
        reason: 'disappeared',
      });
    }
  }
  return diff;
}

/** Same update: same time, status and text (feeds re-send their whole history on every poll). */
const updateKey = (u: UpstreamUpdate) => `${u.at}\u0000${u.status}\u0000${u.body}`;

export function mergeUpdates(older: UpstreamUpdate[], newer: UpstreamUpdate[]) {
  const known = new Set(older.map(updateKey));
  const added = newer.filter((u) => !known.has(updateKey(u)));
  const merged = [...older, ...added].sort((a, b) => a.at - b.at);
  return { merged, added };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

const SCALARS = ['kind', 'title', 'status', 'impact', 'startedAt', 'updatedAt', 'resolvedAt', 'url'] as const;

function compare(prior: NormalizedEvent, incoming: NormalizedEvent): EventChange | null {
  const { merged, added } = mergeUpdates(prior.updates, incoming.updates);
  const changed: (keyof NormalizedEvent)[] = [];
  // Equal old and new values are not a change: a status repeated by an "Update" is no transition.
  for (const key of SCALARS) if (prior[key] !== incoming[key]) changed.push(key);
  if (!sameList(prior.components, incoming.components)) changed.push('components');
  if (!sameList(prior.regions, incoming.regions)) changed.push('regions');
  if (
    prior.scheduled?.from !== incoming.scheduled?.from ||
    prior.scheduled?.until !== incoming.scheduled?.until
  ) {
    changed.push('scheduled');
  }
  if (added.length) changed.push('updates');
  if (changed.length === 0) return null;
  return { event: { ...incoming, updates: merged }, previous: prior, newUpdates: added, changed };
}
