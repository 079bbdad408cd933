import { DomainError, InputCheck, type Principal, requireRole } from '@polystatus/kit';
import {
  ANNOUNCEMENT_STATES,
  type Announcement,
  type AnnouncementState,
  MESSAGE_MAX,
} from '../domain/announcement.ts';
import { COMPONENT_STATUSES, type ComponentStatus } from '../domain/component.ts';
import { actorId, COMMS_EVENTS, commsEvent } from '../domain/events.ts';
import { requireIncident } from '../incidents/incident-reader.ts';
import type { CommsDeps } from './deps.ts';

export interface PublishAnnouncementInput {
  incidentId: unknown;
  state: unknown;
  message: unknown;
  impacts?: { componentId: unknown; status: unknown }[] | null;
}

/** At most this many components per update: a page with more would not read as one update. */
const MAX_IMPACTS = 100;

/**
 * A public update on an incident. The incident is read through the graph (NOT_FOUND when it does not exist),
 * recorded with its current facts, then the update, its component impacts and the statuses they imply are
 * written in one script; the public page is re-rendered before the call returns.
 */
export async function publishAnnouncement(
  deps: CommsDeps,
  principal: Principal,
  input: PublishAnnouncementInput,
): Promise<Announcement> {
  const actor = actorId(requireRole(principal, 'responder'));
  const check = new InputCheck();
  const incidentId = check.text('incidentId', input.incidentId, { max: 64, required: true });
  const state = check.oneOf<AnnouncementState>('state', input.state, ANNOUNCEMENT_STATES, { required: true });
  const message = check.text('message', input.message, { max: MESSAGE_MAX, required: true, multiline: true });
  const impacts: { componentId: string; status: ComponentStatus }[] = [];
  const given = input.impacts ?? [];
  if (given.length > MAX_IMPACTS) check.add('impacts', `must list at most ${MAX_IMPACTS} components`);
  given.slice(0, MAX_IMPACTS).forEach((i, n) => {
    const componentId = check.text(`impacts[${n}].componentId`, i.componentId, { max: 64, required: true });
    const status = check.oneOf(`impacts[${n}].status`, i.status, COMPONENT_STATUSES, { required: true });
    if (componentId && status) impacts.push({ componentId, status });
  });
  check.throwIfAny();

  const facts = await requireIncident(deps.incidents, incidentId!, 'incidentId');
  const now = deps.clock();
  await deps.store.applyIncident(facts, now);

  const announcement: Omit<Announcement, 'impacts'> = {
    id: deps.newId('announcement'),
    incidentId: facts.id,
    state: state!,
    message: message!,
    authorId: actor,
    publishedAt: now,
  };
  const event = commsEvent(
    COMMS_EVENTS.announcementPublished,
    actor,
    announcement.id,
    {
      announcementId: announcement.id,
      incidentId: facts.id,
      state: announcement.state,
      message: announcement.message,
      authorId: actor,
      // The store's script replaces this with the impacts and the statuses before and after them.
      impacts: [],
    },
    now,
  );
  const { impacts: _placeholder, ...dataWithoutImpacts } = event.data;
  const result = await deps.store.publishAnnouncement({
    announcement,
    impacts,
    event: { ...event, data: dataWithoutImpacts },
  });
  if (result.outcome === 'no_component') {
    const n = impacts.findIndex((i) => i.componentId === result.componentId);
    throw new DomainError('VALIDATION', `component ${result.componentId} does not exist`, {
      details: [{ field: `impacts[${n}].componentId`, issue: 'no such component' }],
    });
  }
  if (result.outcome === 'no_incident')
    throw new DomainError('UNAVAILABLE', 'incident record vanished', { retryAfter: 1 });
  await deps.publicPage.requestRender();
  return { ...announcement, impacts: result.impacts };
}
