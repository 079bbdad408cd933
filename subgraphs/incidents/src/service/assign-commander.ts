import { newEnvelope, type Principal, requireRole } from '@polystatus/kit';
import { INCIDENT_EVENTS } from '../domain/events.ts';
import type { Incident } from '../domain/incident.ts';
import { validateCommanderId } from '../domain/validation.ts';
import type { ServiceDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

/**
 * Names the incident commander. The id is not checked against the users domain: domains do not read each
 * other's data, and the graph resolves `commander` through the users subgraph when asked.
 */
export async function assignCommander(
  deps: ServiceDeps,
  principal: Principal,
  id: string,
  commanderId: unknown,
  expectedVersion?: number | null,
): Promise<Incident> {
  const actor = requireRole(principal, 'manager');
  const commander = validateCommanderId(commanderId);
  const now = deps.clock();
  const event = newEnvelope(
    INCIDENT_EVENTS.commanderAssigned,
    actor.id,
    id,
    { incidentId: id, commanderId: commander },
    new Date(now),
  );
  const result = await deps.store.assignCommander(id, commander, {
    actor: actor.id,
    now,
    event,
    expectedVersion,
  });
  return writtenIncident(result, id, expectedVersion);
}
