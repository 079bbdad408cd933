import { DomainError, fieldError, type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Postmortem } from '../domain/incident.ts';
import { validatePostmortem } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { MAX_ID_ATTEMPTS, writtenIncident } from './outcome.ts';

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
  const actor = actorId(requireRole(principal, 'manager'));
  const content = validatePostmortem(input);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.postmortemSubmitted,
    actor,
    incidentId,
    { incidentId, editedById: actor },
    now,
  );
  // Items become tracked with their owner only when the owner is a known, enabled user: bring the directory up to
  // date first so a user created a moment ago counts (the script reads it).
  for (const owner of new Set(content.actionItems.map((i) => i.ownerId).filter((o) => o !== null))) {
    await deps.users.standing(owner);
  }
  const { actionItems, ...rest } = content;
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const items = actionItems.map((item) => ({ ...item, newId: deps.newActionItemId() }));
    const result = await deps.store.submitPostmortem(
      incidentId,
      { ...rest, editedById: actor, editedAt: now },
      items,
      { actor, now, event, expectedVersion },
    );
    if (result.outcome === 'collision') continue;
    if (result.outcome === 'item_not_found') {
      throw fieldError(
        `actionItems[${result.detail}].actionItemId`,
        'is not an action item of this incident',
      );
    }
    writtenIncident(result, incidentId, expectedVersion);
    // The version as stored, with the tracked item each entry became.
    const stored = await deps.store.postmortemHistories([incidentId]);
    const version = stored[0]?.find((p) => p.version === Number(result.detail));
    if (version) return version;
    throw new DomainError('INTERNAL', `postmortem version ${result.detail} of ${incidentId} not found`);
  }
  throw new DomainError('UNAVAILABLE', 'could not allocate an action item id; retry', { retryAfter: 1 });
}
