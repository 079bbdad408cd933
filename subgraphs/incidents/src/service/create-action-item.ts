import { DomainError, type Principal, requireRole } from '@polystatus/kit';
import type { ActionItem } from '../domain/action-item.ts';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import { validateActionItemCreate, validateIncidentId } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { iso, MAX_ID_ATTEMPTS, writtenIncident } from './outcome.ts';
import { userCheckedWrite } from './user-checked-write.ts';

/** A tracked action item straight on an incident (postmortems create theirs too; see submit-postmortem.ts). */
export async function createActionItem(
  deps: IncidentsDeps,
  principal: Principal,
  incidentId: unknown,
  input: Parameters<typeof validateActionItemCreate>[0],
): Promise<ActionItem> {
  const actor = actorId(requireRole(principal, 'responder'));
  const id = validateIncidentId('incidentId', incidentId);
  const item = validateActionItemCreate(input);
  const now = deps.clock();
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const itemId = deps.newActionItemId();
    const event = incidentEvent(
      INCIDENT_EVENTS.actionItemCreated,
      actor,
      id,
      {
        incidentId: id,
        actionItemId: itemId,
        text: item.text,
        ownerId: item.ownerId,
        dueDate: item.dueDate === null ? null : iso(item.dueDate),
        status: 'open',
      },
      now,
    );
    const result = await userCheckedWrite(deps, item.ownerId, 'ownerId', () =>
      deps.store.createActionItem(id, { ...item, id: itemId }, { actor, now, event }),
    );
    if (result.outcome === 'collision') continue;
    writtenIncident(result, id, null, 'incidentId');
    const [created] = await deps.actionItems.getMany([itemId]);
    if (created) return created;
    throw new DomainError('INTERNAL', `action item ${itemId} not found after its creation`);
  }
  throw new DomainError('UNAVAILABLE', 'could not allocate an action item id; retry', { retryAfter: 1 });
}
