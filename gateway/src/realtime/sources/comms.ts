import { COMMS_EVENTS } from '@polystatus/contracts';
import { entityById, type StreamEvent, type SubscriptionSource } from '../source.ts';

/**
 * The comms domain's stream as two subscriptions, declared in subgraphs/comms/subscriptions.graphql. Enum values
 * go out as the schema names them (upper case); the events carry the domain's lower-case ones.
 */
const data = (e: StreamEvent) => e.envelope.data as Record<string, unknown>;
const upper = (v: unknown) => String(v).toUpperCase();

export const announcementPublished: SubscriptionSource = {
  field: 'announcementPublished',
  domain: 'comms',
  eventTypes: [COMMS_EVENTS.announcementPublished],
  access: { role: 'viewer' },
  matches: (args, e) => args.incidentId == null || data(e).incidentId === args.incidentId,
  payload: (e, cursor) => ({
    cursor,
    at: e.envelope.at,
    incidentId: data(e).incidentId,
    state: upper(data(e).state),
  }),
  hydrate: { announcement: entityById('announcement', (e) => e.envelope.subject) },
};

/**
 * Public and token-free: the event holds only what the public page shows (version, time, indicator), and the
 * hydrated `status` is the public `publicStatus` query, so an anonymous wallboard sees nothing more.
 */
export const publicStatusChanged: SubscriptionSource = {
  field: 'publicStatusChanged',
  domain: 'comms',
  eventTypes: [COMMS_EVENTS.publicStatusChanged],
  access: { public: true },
  matches: () => true,
  payload: (e, cursor) => ({
    cursor,
    version: data(e).version,
    asOf: data(e).renderedAt,
    indicator: upper(data(e).indicator),
    description: data(e).description,
  }),
  hydrate: { status: [{ field: 'publicStatus' }] },
};
