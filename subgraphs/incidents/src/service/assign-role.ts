import { type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Incident } from '../domain/incident.ts';
import type { IncidentRole } from '../domain/roles.ts';
import { validateIncidentId, validateUserId } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';
import { userCheckedWrite } from './user-checked-write.ts';

/**
 * Gives a response role to an existing, enabled user (any access role: a viewer can be the scribe). A
 * single-holder role passes from its holder; holding it already is a no-op.
 */
export async function assignIncidentRole(
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
    INCIDENT_EVENTS.roleAssigned,
    actor,
    id,
    { incidentId: id, role, userId: user },
    now,
  );
  const result = await userCheckedWrite(deps, user, 'userId', () =>
    deps.store.assignRole(id, role, user, { actor, now, event }),
  );
  return writtenIncident(result, id, null, 'incidentId');
}
