import { type Principal, requireRole } from '@polystatus/kit';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Postmortem } from '../domain/incident.ts';
import { validatePostmortem } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

/**
 * Records a new postmortem version; earlier ones are kept. `expectedVersion` is the incident's version, as for
 * every other write, so an editor is told when anything changed since they loaded the incident.
 */
export async function submitPostmortem(
  deps: IncidentsDeps,
  principal: Principal,
  incidentId: string,
  input: Parameters<typeof validatePostmortem>[0],
  expectedVersion?: number | null,
): Promise<Postmortem> {
  const actor = requireRole(principal, 'manager');
  const content = validatePostmortem(input);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.postmortemSubmitted,
    actor.id,
    incidentId,
    { incidentId, editedById: actor.id },
    now,
  );
  const result = await deps.store.submitPostmortem(
    incidentId,
    { ...content, editedById: actor.id, editedAt: now },
    { actor: actor.id, now, event, expectedVersion },
  );
  writtenIncident(result, incidentId, expectedVersion);
  return { incidentId, version: Number(result.detail), ...content, editedById: actor.id, editedAt: now };
}
