import { COMMS_EVENTS, type CommsEventData, type CommsEventType } from '@polystatus/contracts';
import { type EventEnvelope, envelopeToFields, newEnvelope, type Principal } from '@polystatus/kit';

/**
 * A comms event, typed by its contract (packages/contracts/src/comms.ts): a wrong or missing key does not
 * compile. Stores append `envelopeToFields(…)` in the same script as the change.
 */
export function commsEvent<T extends CommsEventType>(
  type: T,
  actor: string,
  subject: string,
  data: CommsEventData<T>,
  at: number,
): EventEnvelope<CommsEventData<T>> {
  return newEnvelope(type, actor, subject, data, new Date(at));
}

export const eventFields = envelopeToFields;
export { COMMS_EVENTS };

/** Who the scheduler and the incidents consumer act as in events and histories. */
export const SYSTEM_ACTOR = 'system:comms';

/** How a principal is recorded as an actor: a user by id, a process as `system:<name>`. */
export const actorId = (principal: Principal & { id: string }): string =>
  principal.kind === 'system' ? `system:${principal.id}` : principal.id;
