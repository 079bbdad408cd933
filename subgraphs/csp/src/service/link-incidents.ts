import { DomainError, type Logger } from '@polystatus/kit';
import type { CspEvent } from '../domain/csp-event.ts';
import { CSP_EVENTS, cspEventEnvelope, POLLER_ACTOR } from '../domain/events.ts';
import { planIncident } from '../domain/incident-rules.ts';
import type { UpstreamUpdate } from '../formats/types.ts';
import type { CspDeps } from './deps.ts';
import type { UpstreamUpdateInput } from './incidents-gateway.ts';

const BATCH = 20;
/** A failed call waits this long, doubling, at most 5 minutes: the gateway may be restarting. */
const RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;

const CLOSED = new Set(['resolved', 'completed']);

/**
 * The timeline entries an event owes its incident, in order: each upstream update, then, when the event closed
 * without saying so in an update (it left a feed listing only open events), one entry recording the resolution.
 * The list only grows, so "how many were recorded" is enough to resume.
 */
export function timelineEntries(event: CspEvent): UpstreamUpdate[] {
  const entries = [...event.updates];
  const last = entries.at(-1);
  if (event.resolvedAt !== null && !(last && CLOSED.has(last.status))) {
    entries.push({
      at: event.resolvedAt,
      status: 'resolved',
      body: 'The provider no longer lists this event: resolved upstream.',
    });
  }
  return entries;
}

/** The incidents domain's limit on a timeline message; GCP's incident reports run longer. */
const MESSAGE_MAX = 5000;

const clip = (text: string) => (text.length <= MESSAGE_MAX ? text : `${text.slice(0, MESSAGE_MAX - 1)}…`);

const toInput = (event: CspEvent, u: UpstreamUpdate): UpstreamUpdateInput => ({
  provider: event.providerId,
  upstreamId: event.upstreamId,
  status: u.status,
  message: clip(u.body.trim() || `Status: ${u.status}`),
  at: new Date(u.at).toISOString(),
  url: event.url,
});

async function linkOne(deps: CspDeps, event: CspEvent, providerName: string): Promise<void> {
  let incidentId = event.incidentId;
  if (!incidentId) {
    const plan = planIncident(event, providerName, await deps.dependencies.all());
    if (!plan) return;
    incidentId = await deps.incidents.openIncident(plan);
    const linked = { ...event, incidentId };
    await deps.linker.link(
      event.id,
      incidentId,
      cspEventEnvelope(CSP_EVENTS.incidentLinked, linked, { incidentId }, POLLER_ACTOR, deps.clock()),
    );
  }
  const entries = timelineEntries(event);
  let synced = await deps.linker.syncedCount(event.id);
  for (; synced < entries.length; synced++) {
    await deps.incidents.recordUpstreamUpdate(incidentId, toInput(event, entries[synced]!));
    await deps.linker.setSynced(event.id, synced + 1);
  }
}

const backoff = (tries: number) => Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** Math.min(tries - 1, 10));

/**
 * One pass of the incident linker over the events whose turn has come: open the incident an event calls for
 * (once: the incidents domain dedupes on the event's key) and copy its new upstream updates to the incident's
 * timeline. A failure (gateway down, a refusal) leaves the event queued and retried with backoff; the others go on.
 */
export async function linkDueEvents(deps: CspDeps, log: Logger): Promise<number> {
  const now = deps.clock();
  const pending = await deps.linker.due(now, BATCH);
  if (pending.length === 0) return 0;
  const ids = pending.map((p) => p.id);
  const [events, updates] = await Promise.all([deps.events.getMany(ids), deps.events.updates(ids)]);
  const providerIds = [...new Set(events.flatMap((e) => (e ? [e.providerId] : [])))];
  const names = new Map(
    (await deps.providers.getMany(providerIds)).flatMap((p) =>
      p ? [[p.provider.id, p.provider.name] as const] : [],
    ),
  );
  let done = 0;
  for (const [i, p] of pending.entries()) {
    const stored = events[i];
    try {
      if (stored)
        await linkOne(
          deps,
          { ...stored, updates: updates[i] ?? [] },
          names.get(stored.providerId) ?? stored.providerId,
        );
      await deps.linker.settle(p);
      done++;
    } catch (err) {
      const wait = await deps.linker.retryLater(p, backoff, now);
      // The gateway starting or restarting is ordinary (the csp service does not wait for it): no stack for that.
      if (err instanceof DomainError && err.code === 'UNAVAILABLE') {
        log.info(
          { eventId: p.id, retryInMs: wait, reason: err.message },
          'incidents not reachable yet; will retry',
        );
      } else {
        log.warn(
          { err, eventId: p.id, retryInMs: wait },
          'could not bring the incident up to date; will retry',
        );
      }
    }
  }
  return done;
}
