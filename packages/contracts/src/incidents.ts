import { z } from 'zod';
import { isoTime, streamId } from './envelope.ts';

/**
 * The incidents domain's events, on `<prefix>:incidents:events` (`subject` is the incident id). Producer:
 * subgraphs/incidents, in two halves: the service builds the envelope (`src/domain/events.ts`) and the write
 * script that makes the change adds what only it knows (`INCIDENT_SCRIPT_KEYS`) in the same atomic step.
 * Consumers: the gateway's realtime subscriptions (`incidentChanged`, `incidentTimeline`); comms and csp next.
 */
export const INCIDENT_EVENTS = {
  created: 'incident.created',
  updated: 'incident.updated',
  statusChanged: 'incident.status_changed',
  commanderAssigned: 'incident.commander_assigned',
  timelineEventAdded: 'incident.timeline_event_added',
  postmortemSubmitted: 'incident.postmortem_submitted',
} as const;

export type IncidentEventType = (typeof INCIDENT_EVENTS)[keyof typeof INCIDENT_EVENTS];

const id = z.string().min(1);
const status = z.enum(['open', 'mitigated', 'resolved']);
const sev = z.int().min(1).max(4);
const services = z.array(z.string().min(1));

/**
 * In every incident event: which incident, its version right after the change, and the timeline entry the
 * change recorded (so a live client can resume `Incident.timeline(after:)` from it).
 */
const every = {
  incidentId: id,
  version: z.int().positive(),
  timelineEntryId: streamId,
};

export const INCIDENT_EVENT_DATA = {
  [INCIDENT_EVENTS.created]: z.strictObject({
    ...every,
    title: z.string().min(1),
    sev,
    services,
    summary: z.string(),
    status,
    source: z.enum(['manual', 'csp', 'api']),
    startedAt: isoTime,
    createdById: id,
  }),
  /** `changed` names the fields that changed; `changes` holds their new values. */
  [INCIDENT_EVENTS.updated]: z.strictObject({
    ...every,
    changed: z.array(z.enum(['title', 'sev', 'services', 'summary'])).min(1),
    changes: z.strictObject({
      title: z.string().min(1).optional(),
      sev: sev.optional(),
      services: services.optional(),
      summary: z.string().optional(),
    }),
  }),
  [INCIDENT_EVENTS.statusChanged]: z.strictObject({
    ...every,
    from: status,
    to: status,
    note: z.string().nullable(),
  }),
  [INCIDENT_EVENTS.commanderAssigned]: z.strictObject({
    ...every,
    commanderId: id,
    previousCommanderId: id.nullable(),
  }),
  /** A person's entry; system entries come with the other events. */
  [INCIDENT_EVENTS.timelineEventAdded]: z.strictObject({
    ...every,
    type: z.enum(['update', 'note', 'mitigation', 'resolution']),
    message: z.string().min(1),
    authorId: id,
  }),
  [INCIDENT_EVENTS.postmortemSubmitted]: z.strictObject({
    ...every,
    postmortemVersion: z.int().positive(),
    editedById: id,
  }),
} as const satisfies Record<IncidentEventType, z.ZodType>;

export type IncidentEventData<T extends IncidentEventType> = z.infer<(typeof INCIDENT_EVENT_DATA)[T]>;

/**
 * The `data` keys each event's write script (subgraphs/incidents/src/store/lua) adds: only the script knows the
 * new version, the timeline entry id or the value it replaced. The service writes every other key.
 */
export const INCIDENT_SCRIPT_KEYS = {
  [INCIDENT_EVENTS.created]: ['version', 'timelineEntryId'],
  [INCIDENT_EVENTS.updated]: ['version', 'changed', 'changes', 'timelineEntryId'],
  [INCIDENT_EVENTS.statusChanged]: ['version', 'from', 'timelineEntryId'],
  [INCIDENT_EVENTS.commanderAssigned]: ['version', 'previousCommanderId', 'timelineEntryId'],
  [INCIDENT_EVENTS.timelineEventAdded]: ['version', 'timelineEntryId'],
  [INCIDENT_EVENTS.postmortemSubmitted]: ['version', 'postmortemVersion', 'timelineEntryId'],
} as const satisfies Record<IncidentEventType, readonly string[]>;

/** What the service puts in an incident event's `data` before its write script adds the rest. */
export type IncidentServiceData<T extends IncidentEventType> = Omit<
  IncidentEventData<T>,
  (typeof INCIDENT_SCRIPT_KEYS)[T][number]
>;
