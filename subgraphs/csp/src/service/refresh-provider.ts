import { createHash } from 'node:crypto';
import { notFound } from '@polystatus/kit';
import { nextHealth } from '../domain/circuit.ts';
import { type CspEvent, cspEventId } from '../domain/csp-event.ts';
import { CSP_EVENTS, cspEventEnvelope, POLLER_ACTOR } from '../domain/events.ts';
import type { CircuitState } from '../domain/provider.ts';
import { fetchFeed } from '../feed/fetch-feed.ts';
import { detectFormat, parseFeed, probeResult } from '../formats/index.ts';
import { diffEvents } from '../formats/transitions.ts';
import { FeedError, type FeedFormat, type NormalizedEvent, type ParsedFeed } from '../formats/types.ts';
import type { EventWrite } from '../store/event-store.ts';
import type { ProviderState } from '../store/provider-store.ts';
import type { CspDeps } from './deps.ts';

export interface RefreshResult {
  providerId: string;
  /** The feed's HTTP status (304 when unchanged), null when no answer came. */
  httpStatus: number | null;
  created: number;
  updated: number;
  resolved: number;
  /** Nothing new: a 304, or a body identical to the last one read. */
  notModified: boolean;
  durationMs: number;
  error: string | null;
  format: FeedFormat | null;
  circuit: CircuitState;
  at: number;
}

/** Another writer between our read and our write is rare (one poller per provider); a few recomputes suffice. */
const MAX_APPLY_ATTEMPTS = 3;

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

type Read =
  | { ok: true; feed: ParsedFeed; status: number; validators: Record<string, string> }
  | { ok: false; status: number | null; error: string }
  | { ok: 'unchanged'; status: number; validators: Record<string, string> };

/** Fetches and parses the feed; every failure becomes a message, nothing here throws. */
async function read(deps: CspDeps, state: ProviderState, now: number): Promise<Read> {
  const { provider, validators } = state;
  const url = new URL(provider.feedUrl);
  if (provider.type === 'http') {
    // The probe continues the outage it already reported (same event), so it needs the open one.
    const openEvent = (await deps.events.ofProvider(provider.id)).find((e) => e.resolvedAt === null) ?? null;
    const out = await fetchFeed(url, { ...deps.fetch, retries: 0 });
    const probe =
      out.kind === 'error'
        ? { statusCode: out.status, latencyMs: null, error: out.error }
        : { statusCode: out.status, latencyMs: Math.round(out.latencyMs) };
    return {
      ok: true,
      feed: probeResult(probe, { now, url: provider.feedUrl, openEvent }),
      status: out.status ?? 0,
      validators: {},
    };
  }
  const out = await fetchFeed(url, { ...deps.fetch, validators });
  if (out.kind === 'error') return { ok: false, status: out.status, error: out.error };
  if (out.kind === 'not_modified') return { ok: 'unchanged', status: 304, validators: {} };
  const fresh = { etag: out.etag ?? '', lastModified: out.lastModified ?? '', bodyHash: sha256(out.body) };
  if (fresh.bodyHash === validators.bodyHash)
    return { ok: 'unchanged', status: out.status, validators: fresh };
  const format =
    provider.type === 'json' || provider.type === 'rss'
      ? detectFormat(out.body, out.contentType)
      : provider.type;
  if (!format) return { ok: false, status: out.status, error: 'the feed is in no format this service reads' };
  try {
    const feed = parseFeed(format, out.body, { now, url: provider.feedUrl, contentType: out.contentType });
    return { ok: true, feed, status: out.status, validators: { ...fresh, format } };
  } catch (err) {
    if (err instanceof FeedError)
      return { ok: false, status: out.status, error: `unreadable feed: ${err.message}` };
    throw err;
  }
}

const toStored = (
  e: NormalizedEvent,
  providerId: string,
  firstSeenAt: number,
  incidentId: string | null,
): CspEvent => ({
  ...e,
  id: cspEventId(providerId, e.upstreamId),
  providerId,
  firstSeenAt,
  incidentId,
});

/**
 * Polls one provider now: fetch (conditional), skip an unchanged body, parse, compare with what is stored, and
 * write the new, updated and resolved events with their envelopes and the feed's health in one atomic step. A
 * failure of any kind only records the error on the provider (and may open its circuit): stored events are
 * never touched by a bad answer.
 */
export async function refreshProvider(deps: CspDeps, providerId: string): Promise<RefreshResult> {
  const started = performance.now();
  const initial = await deps.providers.get(providerId);
  if (!initial) throw notFound('provider', providerId);
  const at = deps.clock();
  const outcome = await read(deps, initial, at);
  const durationMs = Math.round(performance.now() - started);
  const health = nextHealth(
    initial.provider.health,
    { at, durationMs, httpStatus: outcome.status, error: outcome.ok === false ? outcome.error : null },
    deps.circuit,
  );
  const result: RefreshResult = {
    providerId,
    httpStatus: outcome.status,
    created: 0,
    updated: 0,
    resolved: 0,
    notModified: outcome.ok === 'unchanged',
    durationMs,
    error: outcome.ok === false ? outcome.error : null,
    format: initial.provider.format,
    circuit: health.circuit,
    at,
  };
  if (outcome.ok !== true) {
    const fields = {
      health: JSON.stringify(health),
      ...(outcome.ok === 'unchanged' ? outcome.validators : {}),
    };
    await deps.events.applyRefresh({
      providerId,
      expectedRev: null,
      providerFields: fields,
      events: [],
      envelopes: [],
      now: at,
    });
    return result;
  }

  const { feed } = outcome;
  for (let attempt = 1; ; attempt++) {
    const state = attempt === 1 ? initial : await deps.providers.get(providerId);
    if (!state) throw notFound('provider', providerId);
    const previous = await deps.events.ofProvider(providerId);
    const byId = new Map(previous.map((e) => [e.id, e]));
    const diff = diffEvents(previous, feed);
    const writes: EventWrite[] = [];
    const envelopes = [];
    for (const e of diff.created) {
      const event = toStored(e, providerId, at, null);
      writes.push({ event, newUpdates: event.updates, link: event.resolvedAt === null });
      envelopes.push(cspEventEnvelope(CSP_EVENTS.created, event, {}, POLLER_ACTOR, at));
    }
    for (const [kind, changes] of [
      ['updated', diff.updated],
      ['resolved', diff.resolved],
    ] as const) {
      for (const c of changes) {
        const id = cspEventId(providerId, c.event.upstreamId);
        const before = byId.get(id);
        const event = toStored(c.event, providerId, before?.firstSeenAt ?? at, before?.incidentId ?? null);
        // The linker decides; it only needs to look at events that were open or already have an incident.
        const link = (before?.resolvedAt ?? null) === null || event.incidentId !== null;
        writes.push({ event, newUpdates: c.newUpdates, link });
        const extra = { changed: c.changed.map(String), newUpdates: c.newUpdates.length };
        envelopes.push(
          kind === 'resolved'
            ? cspEventEnvelope(
                CSP_EVENTS.resolved,
                event,
                { ...extra, reason: (c as { reason: 'upstream' | 'disappeared' }).reason },
                POLLER_ACTOR,
                at,
              )
            : cspEventEnvelope(CSP_EVENTS.updated, event, extra, POLLER_ACTOR, at),
        );
      }
    }
    const fields = {
      health: JSON.stringify(health),
      components: JSON.stringify(feed.components),
      format: feed.format,
      ...outcome.validators,
    };
    const applied = await deps.events.applyRefresh({
      providerId,
      expectedRev: state.rev,
      providerFields: fields,
      events: writes,
      envelopes,
      now: at,
    });
    if (applied === 'gone') throw notFound('provider', providerId);
    if (applied === 'ok' || attempt >= MAX_APPLY_ATTEMPTS) {
      if (applied !== 'ok') {
        result.error = 'another refresh kept writing first; try again';
        return result;
      }
      result.created = diff.created.length;
      result.updated = diff.updated.length;
      result.resolved = diff.resolved.length;
      result.format = feed.format;
      return result;
    }
  }
}
