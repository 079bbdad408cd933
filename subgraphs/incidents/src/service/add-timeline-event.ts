import { type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
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
  const actor = actorId(requireRole(principal, 'responder'));
  const note = validateNote(input);
  const now = deps.clock();
  const event = incidentEvent(
    INCIDENT_EVENTS.timelineEventAdded,
    actor,
    incidentId,
    { incidentId, type: note.type, message: note.message, authorId: actor },
    now,
  );
  const result = await deps.store.addNote(incidentId, note, { actor, now, event });
  writtenIncident(result, incidentId);
  return {
    id: result.entryId,
    incidentId,
    type: note.type,
    message: note.message,
    authorId: actor,
    at: now,
    system: false,
    subjectId: null,
    upstream: null,
  };
}
