import { type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Incident, Status } from '../domain/incident.ts';
import { plansTo, planTransition } from '../domain/transitions.ts';
import { validateStatusNote } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

/**
 * Moves an incident through the status machine (domain/transitions.ts). The current status is read inside the
 * script, so the script receives the rules for every possible current status and applies the matching one.
 */
export async function changeStatus(
  deps: IncidentsDeps,
  principal: Principal,
  id: string,
  to: Status,
  note?: unknown,
  expectedVersion?: number | null,
): Promise<Incident> {
  const actor = actorId(requireRole(principal, 'responder'));
  const validNote = validateStatusNote(note);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.statusChanged,
    actor,
    id,
    { incidentId: id, to, note: validNote },
    now,
  );
  const result = await deps.store.changeStatus(id, to, plansTo(to), validNote, {
    actor,
    now,
    event,
    expectedVersion,
  });
  // The refusal's wording and details come from the domain rule, not from the script.
  if (result.outcome === 'transition_conflict') planTransition(result.detail as Status, to);
  return writtenIncident(result, id, expectedVersion);
}
