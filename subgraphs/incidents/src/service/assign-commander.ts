import { DomainError, type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { checkCommander } from '../domain/commander.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Incident } from '../domain/incident.ts';
import { validateCommanderId } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

/**
 * Names the incident commander, who must be an existing, enabled user. Domains do not read each other's data:
 * the answer comes from the incidents' own projection of the users events, caught up to the stream's end first,
 * so a user created a moment ago counts. The check precedes the write, so a refusal changes nothing.
 */
export async function assignCommander(
  deps: IncidentsDeps,
  principal: Principal,
  id: string,
  commanderId: unknown,
  expectedVersion?: number | null,
): Promise<Incident> {
  const actor = actorId(requireRole(principal, 'manager'));
  const commander = validateCommanderId(commanderId);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.commanderAssigned,
    actor,
    id,
    { incidentId: id, commanderId: commander },
    now,
  );
  // The write re-checks the commander against the directory and refuses when users events arrived in between;
  // each retry catches up first, and its check refuses a commander disabled meanwhile.
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    checkCommander(await deps.users.standing(commander));
    const result = await deps.store.assignCommander(id, commander, {
      actor,
      now,
      event,
      expectedVersion,
    });
    if (result.outcome !== 'directory_behind' && result.outcome !== 'commander_refused') {
      return writtenIncident(result, id, expectedVersion);
    }
  }
  throw new DomainError('UNAVAILABLE', 'users are changing too fast to confirm the commander; try again', {
    retryAfter: 1,
  });
}

/** Retries of a write that met new users events; each one needs users to change within a millisecond again. */
const MAX_ATTEMPTS = 5;
