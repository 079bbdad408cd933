import { DomainError, type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import { type TimelineEntry, UPSTREAM_ENTRY_TYPE } from '../domain/incident.ts';
import { validateUpstream } from '../domain/validation.ts';
import { decodeTimelineEntry } from '../store/record.ts';
import type { IncidentsDeps } from './deps.ts';
import { iso, writtenIncident } from './outcome.ts';

/**
 * A cloud provider's update on an incident's timeline, relayed by the csp service. Only PolyStatus services may
 * write it: a person's note is `addTimelineEvent`, and an entry claiming to come from a provider must not be
 * forgeable by a user. The same update recorded twice answers the first entry.
 */
export async function recordUpstreamUpdate(
  deps: IncidentsDeps,
  principal: Principal,
  incidentId: string,
  input: Parameters<typeof validateUpstream>[0],
): Promise<TimelineEntry> {
  const checked = requireRole(principal, 'responder');
  if (checked.kind !== 'system') {
    throw new DomainError('FORBIDDEN', 'only PolyStatus services record upstream updates');
  }
  const actor = actorId(checked);
  const { message, upstream } = validateUpstream(input);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.timelineEventAdded,
    actor,
    incidentId,
    {
      incidentId,
      type: UPSTREAM_ENTRY_TYPE,
      message,
      authorId: actor,
      upstream: { ...upstream, at: iso(upstream.at) },
    },
    now,
  );
  const result = await deps.store.recordUpstream(incidentId, message, upstream, { actor, now, event });
  writtenIncident(result, incidentId);
  if (result.outcome === 'noop')
    return decodeTimelineEntry(incidentId, [result.entryId, JSON.parse(result.detail)]);
  return {
    id: result.entryId,
    incidentId,
    type: UPSTREAM_ENTRY_TYPE,
    message,
    authorId: actor,
    at: now,
    system: false,
    subjectId: null,
    upstream,
  };
}
