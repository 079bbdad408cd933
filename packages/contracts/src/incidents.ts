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
  acknowledged: 'incident.acknowledged',
  roleAssigned: 'incident.role_assigned',
  roleUnassigned: 'incident.role_unassigned',
  actionItemCreated: 'incident.action_item_created',
  actionItemUpdated: 'incident.action_item_updated',
} as const;

export type IncidentEventType = (typeof INCIDENT_EVENTS)[keyof typeof INCIDENT_EVENTS];

const id = z.string().min(1);
const status = z.enum(['open', 'mitigated', 'resolved']);
const sev = z.int().min(1).max(4);
const services = z.array(z.string().min(1));
const role = z.enum(['communications_lead', 'scribe', 'operations_lead', 'responder']);
const actionItemStatus = z.enum(['open', 'in_progress', 'done', 'wont_do']);

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
    /** A user id, or `system:<service>` for a PolyStatus service (the csp service opening an incident). */
    createdById: id,
    /**
     * The creator's idempotency key (`<provider>:<upstream event id>` from csp), or null. Keys added to an existing
     * event are optional: entries written before them stay in the stream and must still parse.
     */
    externalKey: z.string().min(1).nullable().optional(),
  }),
  /** `changed` names the fields that changed; `changes` holds their new values, `previous` their old ones. */
  [INCIDENT_EVENTS.updated]: z.strictObject({
    ...every,
    changed: z.array(z.enum(['title', 'sev', 'services', 'summary'])).min(1),
    changes: z.strictObject({
      title: z.string().min(1).optional(),
      sev: sev.optional(),
      services: services.optional(),
      summary: z.string().optional(),
    }),
    previous: z
      .strictObject({
        title: z.string().min(1).optional(),
        sev: sev.optional(),
        services: services.optional(),
        summary: z.string().optional(),
      })
      .optional(),
  }),
  [INCIDENT_EVENTS.statusChanged]: z.strictObject({
    ...every,
    from: status,
    to: status,
    note: z.string().nullable(),
    /** True when this change was the incident's first acknowledgement (mitigating or resolving acknowledges). */
    acknowledged: z.boolean().optional(),
  }),
  [INCIDENT_EVENTS.commanderAssigned]: z.strictObject({
    ...every,
    commanderId: id,
    previousCommanderId: id.nullable(),
  }),
  /**
   * A person's or a PolyStatus service's entry (`authorId` `system:<service>`); system entries come with the other
   * events. `upstream_update` entries (csp relaying a provider's update) carry `upstream`.
   */
  [INCIDENT_EVENTS.timelineEventAdded]: z.strictObject({
    ...every,
    type: z.enum(['update', 'note', 'mitigation', 'resolution', 'upstream_update']),
    message: z.string().min(1),
    authorId: id,
    upstream: z
      .strictObject({
        provider: z.string().min(1),
        upstreamId: z.string().min(1),
        status: z.string().min(1),
        at: isoTime,
        url: z.string().nullable(),
      })
      .optional(),
  }),
  [INCIDENT_EVENTS.postmortemSubmitted]: z.strictObject({
    ...every,
    postmortemVersion: z.int().positive(),
    editedById: id,
    /** The tracked action item each listed item became, in order. */
    actionItemIds: z.array(id).optional(),
  }),
  /** The first acknowledgement only; a repeated one writes nothing. */
  [INCIDENT_EVENTS.acknowledged]: z.strictObject({
    ...every,
    acknowledgedById: id,
    acknowledgedAt: isoTime,
  }),
  [INCIDENT_EVENTS.roleAssigned]: z.strictObject({
    ...every,
    role,
    userId: id,
    /** For a single-holder role, who held it before. */
    previousUserId: id.nullable(),
  }),
  [INCIDENT_EVENTS.roleUnassigned]: z.strictObject({
    ...every,
    role,
    userId: id,
  }),
  [INCIDENT_EVENTS.actionItemCreated]: z.strictObject({
    ...every,
    actionItemId: id,
    text: z.string().min(1),
    ownerId: id.nullable(),
    dueDate: isoTime.nullable(),
    status: actionItemStatus,
  }),
  /** `changed` names the fields that changed; `changes` holds their new values (null: cleared). */
  [INCIDENT_EVENTS.actionItemUpdated]: z.strictObject({
    ...every,
    actionItemId: id,
    changed: z.array(z.enum(['text', 'ownerId', 'dueDate', 'status'])).min(1),
    changes: z.strictObject({
      text: z.string().min(1).optional(),
      ownerId: id.nullable().optional(),
      dueDate: isoTime.nullable().optional(),
      status: actionItemStatus.optional(),
    }),
  }),
} as const satisfies Record<IncidentEventType, z.ZodType>;

export type IncidentEventData<T extends IncidentEventType> = z.infer<(typeof INCIDENT_EVENT_DATA)[T]>;

/**
 * The `data` keys each event's write script (subgraphs/incidents/src/store/lua) adds: only the script knows the
 * new version, the timeline entry id or the value it replaced. The service writes every other key.
 */
export const INCIDENT_SCRIPT_KEYS = {
  [INCIDENT_EVENTS.created]: ['version', 'timelineEntryId'],
  [INCIDENT_EVENTS.updated]: ['version', 'changed', 'changes', 'previous', 'timelineEntryId'],
  [INCIDENT_EVENTS.statusChanged]: ['version', 'from', 'acknowledged', 'timelineEntryId'],
  [INCIDENT_EVENTS.commanderAssigned]: ['version', 'previousCommanderId', 'timelineEntryId'],
  [INCIDENT_EVENTS.timelineEventAdded]: ['version', 'timelineEntryId'],
  [INCIDENT_EVENTS.postmortemSubmitted]: ['version', 'postmortemVersion', 'actionItemIds', 'timelineEntryId'],
  [INCIDENT_EVENTS.acknowledged]: ['version', 'timelineEntryId'],
  [INCIDENT_EVENTS.roleAssigned]: ['version', 'previousUserId', 'timelineEntryId'],
  [INCIDENT_EVENTS.roleUnassigned]: ['version', 'timelineEntryId'],
  [INCIDENT_EVENTS.actionItemCreated]: ['version', 'timelineEntryId'],
  [INCIDENT_EVENTS.actionItemUpdated]: ['version', 'changed', 'changes', 'timelineEntryId'],
} as const satisfies Record<IncidentEventType, readonly string[]>;

/** What the service puts in an incident event's `data` before its write script adds the rest. */
export type IncidentServiceData<T extends IncidentEventType> = Omit<
  IncidentEventData<T>,
  (typeof INCIDENT_SCRIPT_KEYS)[T][number]
>;
