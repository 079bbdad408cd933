import { type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Incident } from '../domain/incident.ts';
import type { IncidentRole } from '../domain/roles.ts';
import { validateIncidentId, validateUserId } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

/** Takes a role from a user; a disabled user can still be relieved. Not holding it is a no-op. */
export async function unassignIncidentRole(
  deps: IncidentsDeps,
  principal: Principal,
  incidentId: unknown,
  role: IncidentRole,
  userId: unknown,
): Promise<Incident> {
  const actor = actorId(requireRole(principal, 'responder'));
  const id = validateIncidentId('incidentId', incidentId);
  const user = validateUserId('userId', userId);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.roleUnassigned,
    actor,
    id,
    { incidentId: id, role, userId: user },
    now,
  );
  const result = await deps.store.assignRole(id, role, user, { actor, now, event }, true);
  return writtenIncident(result, id, null, 'incidentId');
}
