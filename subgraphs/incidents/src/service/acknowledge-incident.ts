import { type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Incident } from '../domain/incident.ts';
import { validateIncidentId } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { iso, writtenIncident } from './outcome.ts';

/**
 * The first response to an incident. Only the first acknowledgement is recorded (timeline entry, event, the
 * figure MTTA is computed from); a later one answers `acknowledged: false` with the incident unchanged, so two
 * responders pressing at once are both answered without an error.
 */
export async function acknowledgeIncident(
  deps: IncidentsDeps,
  principal: Principal,
  id: unknown,
): Promise<{ incident: Incident; acknowledged: boolean }> {
  const actor = actorId(requireRole(principal, 'responder'));
  const incidentId = validateIncidentId('id', id);
  // The timeline names who acknowledged: the directory learns names from the users stream, so it catches up first
  // (one script call when already current).
  await deps.users.catchUp();
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.acknowledged,
    actor,
    incidentId,
    { incidentId, acknowledgedById: actor, acknowledgedAt: iso(now) },
    now,
  );
  const result = await deps.store.acknowledge(incidentId, { actor, now, event });
  return { incident: writtenIncident(result, incidentId, null, 'id'), acknowledged: result.outcome === 'ok' };
}
