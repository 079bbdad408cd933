import { type Principal, requireRole } from '@polystatus/kit';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { NoteType, TimelineEntry } from '../domain/incident.ts';
import { validateNote } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { writtenIncident } from './outcome.ts';

export async function addTimelineEvent(
  deps: IncidentsDeps,
  principal: Principal,
  incidentId: string,
  input: { type: NoteType; message?: unknown },
): Promise<TimelineEntry> {
  const actor = requireRole(principal, 'responder');
  const note = validateNote(input);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.timelineEventAdded,
    actor.id,
    incidentId,
    { incidentId, type: note.type, message: note.message, authorId: actor.id },
    now,
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
