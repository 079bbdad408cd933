import { newEnvelope, type Principal, requireRole } from '@polystatus/kit';
import { INCIDENT_EVENTS } from '../domain/events.ts';
import type { NoteType, TimelineEntry } from '../domain/incident.ts';
import { validateNote } from '../domain/validation.ts';
import type { ServiceDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

export async function addTimelineEvent(
  deps: ServiceDeps,
  principal: Principal,
  incidentId: string,
  input: { type: NoteType; message?: unknown },
): Promise<TimelineEntry> {
  const actor = requireRole(principal, 'responder');
  const note = validateNote(input);
  const now = deps.clock();
  const event = newEnvelope(
    INCIDENT_EVENTS.timelineEventAdded,
    actor.id,
    incidentId,
    { incidentId, type: note.type, message: note.message, authorId: actor.id },
    new Date(now),
  );
  const result = await deps.store.addNote(incidentId, note, { actor: actor.id, now, event });
  writtenIncident(result, incidentId);
  return {
    id: result.entryId,
    incidentId,
    type: note.type,
    message: note.message,
    authorId: actor.id,
    at: now,
    system: false,
  };
}
