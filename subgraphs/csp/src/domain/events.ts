import { CSP_EVENTS, type CspEventData, type CspEventType } from '@polystatus/contracts';
import { type EventEnvelope, newEnvelope } from '@polystatus/kit';
import type { CspEvent } from './csp-event.ts';

/**
 * The names and payloads are the csp contract in packages/contracts; this domain only builds envelopes
 * (`subject` = the csp event id). The README's Events table lists what each `data` holds.
 */
export { CSP_EVENTS, type CspEventType };

/** The actor of everything the poller observes: no person caused it. */
export const POLLER_ACTOR = 'system:csp';

export function cspEventEnvelope<T extends CspEventType>(
  type: T,
  event: CspEvent,
  extra: Omit<CspEventData<T>, keyof ReturnType<typeof common>>,
  actor: string,
  at: number,
): EventEnvelope<CspEventData<T>> {
  const data = { ...common(event), ...extra } as CspEventData<T>;
  return newEnvelope(type, actor, event.id, data, new Date(at));
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function common(e: CspEvent) {
  return {
    eventId: e.id,
    providerId: e.providerId,
    upstreamId: e.upstreamId,
    title: e.title,
    status: e.status,
    impact: e.impact,
    components: e.components,
    regions: e.regions,
    active: e.resolvedAt === null,
    startedAt: iso(e.startedAt)!,
    updatedAt: iso(e.updatedAt)!,
    resolvedAt: iso(e.resolvedAt),
  };
}
