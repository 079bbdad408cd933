import { FLAG_EVENTS } from '@polystatus/contracts';
import { entityById, type StreamEvent, type SubscriptionSource } from '../source.ts';

const keyOf = (e: StreamEvent) => e.envelope.subject;

/**
 * Every change to a flag (created, updated, toggled: kill switches included), for admin wallboards and the web
 * app's live flag list. Declared in subgraphs/flags/subscriptions.graphql; reads `<prefix>:flags:events`, whose
 * `data` carries the action, the new `on` and version, and the incident of a kill switch.
 */
export const flagChanged: SubscriptionSource = {
  field: 'flagChanged',
  domain: 'flags',
  eventTypes: [FLAG_EVENTS.changed],
  access: { role: 'admin' },
  matches: () => true,
  payload: (event, cursor) => ({
    cursor,
    key: keyOf(event),
    action: String(event.envelope.data.action).toUpperCase(),
    at: event.envelope.at,
    actorId: event.envelope.actor,
    on: event.envelope.data.on,
    version: event.envelope.data.version,
    incidentId: event.envelope.data.incidentId ?? null,
  }),
  hydrate: { flag: entityById('flag', keyOf, 'key') },
};
