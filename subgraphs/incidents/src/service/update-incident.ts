import { type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Incident } from '../domain/incident.ts';
import { validateUpdate } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

/**
 * Changes title, severity, services or summary. Fields equal to the stored ones are not changes; when nothing
 * changes the incident comes back as it was, with no new version or event. The event lists what changed.
 */
export async function updateIncident(
  deps: IncidentsDeps,
  principal: Principal,
  id: string,
  input: { title?: unknown; sev?: unknown; services?: unknown; summary?: unknown },
  expectedVersion?: number | null,
): Promise<Incident> {
  const actor = actorId(requireRole(principal, 'responder'));
  const changes = validateUpdate(input);
  const now = deps.clock();
  const event = incidentEvent(INCIDENT_EVENTS.updated, actor, id, { incidentId: id }, now);
  const result = await deps.store.update(id, changes, { actor, now, event, expectedVersion });
  return writtenIncident(result, id, expectedVersion);
}
