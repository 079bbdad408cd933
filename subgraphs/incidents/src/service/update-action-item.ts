import { conflict, DomainError, type Principal, requireRole } from '@polystatus/kit';
import type { ActionItem } from '../domain/action-item.ts';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import { validateActionItemUpdate, validateIncidentId } from '../domain/validation.ts';
import type { ActionItemChanges } from '../store/incident-store.ts';
import type { IncidentsDeps } from './deps.ts';
import { iso, missing, writtenIncident } from './outcome.ts';
import { userCheckedWrite } from './user-checked-write.ts';

/**
 * Changes an action item's text, owner, due date or status. Each change is a timeline entry and an event of the
 * item's incident (the audit trail) and needs no new postmortem version. Values equal to the stored ones are not
 * changes; when nothing changes, the item comes back as it was.
 */
export async function updateActionItem(
  deps: IncidentsDeps,
  principal: Principal,
  id: unknown,
  input: Parameters<typeof validateActionItemUpdate>[0],
  expectedVersion?: number | null,
): Promise<ActionItem> {
  const actor = actorId(requireRole(principal, 'responder'));
  const itemId = validateIncidentId('id', id);
  const update = validateActionItemUpdate(input);
  // An item never changes incidents, so reading which one it belongs to before the write is safe.
  const [current] = await deps.actionItems.getMany([itemId]);
  if (!current) throw missing('action item', itemId, 'id');
  const changes: ActionItemChanges = {};
  const labels: Partial<Record<keyof ActionItemChanges, string>> = {};
  if (update.text !== undefined) {
    changes.text = update.text;
    labels.text = 'text changed';
  }
  if (update.ownerId !== undefined) {
    changes.ownerId = update.ownerId ?? '';
    // The script appends the new owner's name (update-action-item.lua), which only it can read atomically.
    labels.ownerId = update.ownerId ? 'owner' : 'owner removed';
  }
  if (update.dueDate !== undefined) {
    changes.dueDate = update.dueDate === null ? '' : String(update.dueDate);
    labels.dueDate = update.dueDate === null ? 'due date removed' : `due ${iso(update.dueDate)}`;
  }
  if (update.status !== undefined) {
    changes.status = update.status;
    labels.status = `status ${update.status}`;
  }
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.actionItemUpdated,
    actor,
    current.incidentId,
    { incidentId: current.incidentId, actionItemId: itemId },
    now,
  );
  const dueDateIso = update.dueDate == null ? null : iso(update.dueDate);
  const newOwner = update.ownerId && update.ownerId !== current.ownerId ? update.ownerId : null;
  const result = await userCheckedWrite(deps, newOwner, 'ownerId', () =>
    deps.store.updateActionItem(
      current.incidentId,
      itemId,
      changes,
      labels,
      { expectedVersion, dueDateIso },
      { actor, now, event },
    ),
  );
  if (result.outcome === 'item_not_found') throw missing('action item', itemId, 'id');
  if (result.outcome === 'version_conflict') {
    throw conflict(`action item ${itemId} changed since version ${expectedVersion}`, [
      {
        field: 'expectedVersion',
        issue: `is ${expectedVersion} but the item is at version ${result.detail}`,
      },
    ]);
  }
  writtenIncident(result, current.incidentId);
  const [updated] = await deps.actionItems.getMany([itemId]);
  if (updated) return updated;
  throw new DomainError('INTERNAL', `action item ${itemId} vanished during its update`);
}
