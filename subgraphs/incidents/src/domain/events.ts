import { INCIDENT_EVENTS, type IncidentEventType, type IncidentServiceData } from '@polystatus/contracts';
import { type EventEnvelope, newEnvelope } from '@polystatus/kit';

/**
 * The names and payloads are the incidents contract in packages/contracts; this domain only builds envelopes.
 * The README's Events table lists what each `data` holds.
 */
export { INCIDENT_EVENTS, type IncidentEventType };

/**
 * The envelope a write hands its script (`subject` = incident id). `data` is the service's half of the contract;
 * the script adds the keys only it knows (`INCIDENT_SCRIPT_KEYS`: the new version, the timeline entry id …) in
 * the same atomic step as the change.
 */
export const incidentEvent = <T extends IncidentEventType>(
  type: T,
  actor: string,
  incidentId: string,
  data: IncidentServiceData<T>,
  at: number,
): EventEnvelope<IncidentServiceData<T>> => newEnvelope(type, actor, incidentId, data, new Date(at));
