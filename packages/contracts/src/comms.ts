import { z } from 'zod';
import { isoTime } from './envelope.ts';

/**
 * The comms domain's events, on `<prefix>:comms:events`. Producer: subgraphs/comms (`src/domain/events.ts`).
 * `subject` is the announcement, component or maintenance id, the manual banner's id for `banner.*`, and
 * `public` for `public_status.changed`.
 * Consumers: the gateway's realtime subscriptions (`announcementPublished`, `publicStatusChanged`), comms'
 * own notification triggers (src/notify), and the public read path (rest-adapters/comms), which follows
 * `public_status.changed` to reload the one published snapshot key (`COMMS_PUBLIC_KEYS`).
 */
export const COMMS_EVENTS = {
  announcementPublished: 'announcement.published',
  componentCreated: 'component.created',
  componentUpdated: 'component.updated',
  componentStatusChanged: 'component.status_changed',
  maintenanceScheduled: 'maintenance.scheduled',
  maintenanceUpdated: 'maintenance.updated',
  maintenanceStatusChanged: 'maintenance.status_changed',
  maintenanceReminder: 'maintenance.reminder',
  bannerSet: 'banner.set',
  bannerCleared: 'banner.cleared',
  publicStatusChanged: 'public_status.changed',
} as const;

export type CommsEventType = (typeof COMMS_EVENTS)[keyof typeof COMMS_EVENTS];

const id = z.string().min(1);
/** Statuspage's announcement states, which PolyStatus uses as they are. */
export const ANNOUNCEMENT_STATES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
/** Statuspage's component statuses, worst last. */
export const COMPONENT_STATUSES = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
/** The levels an admin may give the manual banner, least severe first. */
export const MANUAL_BANNER_LEVELS = ['info', 'maintenance', 'minor', 'major', 'critical'] as const;
/** Statuspage's page indicator. */
export const STATUS_INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;

const announcementState = z.enum(ANNOUNCEMENT_STATES);
const componentStatus = z.enum(COMPONENT_STATUSES);
const maintenanceStatus = z.enum(MAINTENANCE_STATUSES);

/** One component's status before and after a public update (Statuspage's `affected_components`). */
const impact = z.strictObject({ componentId: id, oldStatus: componentStatus, newStatus: componentStatus });

/** What subscribers and triggers need of a maintenance, in every maintenance event. */
const maintenance = {
  maintenanceId: id,
  name: z.string().min(1),
  status: maintenanceStatus,
  componentIds: z.array(id),
  scheduledFor: isoTime,
  scheduledUntil: isoTime,
};

export const COMMS_EVENT_DATA = {
  [COMMS_EVENTS.announcementPublished]: z.strictObject({
    announcementId: id,
    incidentId: id,
    state: announcementState,
    message: z.string().min(1),
    authorId: id,
    impacts: z.array(impact),
  }),
  [COMMS_EVENTS.componentCreated]: z.strictObject({
    componentId: id,
    name: z.string().min(1),
    groupId: id.nullable(),
  }),
  /** `changed` names the fields that changed. */
  [COMMS_EVENTS.componentUpdated]: z.strictObject({
    componentId: id,
    changed: z.array(z.enum(['name', 'description', 'group', 'position'])).min(1),
  }),
  /** A component's derived status moved; `cause` says what moved it. */
  [COMMS_EVENTS.componentStatusChanged]: z.strictObject({
    componentId: id,
    from: componentStatus,
    to: componentStatus,
    cause: z.strictObject({
      kind: z.enum(['incident', 'maintenance', 'recompute']),
      id: id.nullable(),
    }),
  }),
  [COMMS_EVENTS.maintenanceScheduled]: z.strictObject({ ...maintenance, authorId: id }),
  [COMMS_EVENTS.maintenanceUpdated]: z.strictObject({
    ...maintenance,
    changed: z.array(z.enum(['name', 'message', 'components', 'scheduledFor', 'scheduledUntil'])).min(1),
  }),
  /** `automatic`: moved by the scheduler at its time rather than by a person. */
  [COMMS_EVENTS.maintenanceStatusChanged]: z.strictObject({
    ...maintenance,
    from: maintenanceStatus,
    message: z.string(),
    automatic: z.boolean(),
  }),
  /**
   * The scheduler's reminder that a scheduled maintenance starts soon (`COMMS_MAINTENANCE_REMINDER_MINUTES`
   * before it), appended once per start time: a maintenance moved to a new time reminds again at that time.
   * `startsInMinutes`: from the reminder to `scheduledFor`, rounded up.
   */
  [COMMS_EVENTS.maintenanceReminder]: z.strictObject({
    ...maintenance,
    status: z.literal('scheduled'),
    startsInMinutes: z.int().nonnegative(),
  }),
  /** An admin set the manual banner (replacing any): what it says and when it shows, and who set it. */
  [COMMS_EVENTS.bannerSet]: z.strictObject({
    bannerId: id,
    level: z.enum(MANUAL_BANNER_LEVELS),
    title: z.string().min(1),
    message: z.string(),
    link: z.string().nullable(),
    startsAt: isoTime,
    endsAt: isoTime.nullable(),
    replacedId: id.nullable(),
    setById: id,
  }),
  /** An admin took the manual banner down: which one, and who. */
  [COMMS_EVENTS.bannerCleared]: z.strictObject({
    bannerId: id,
    title: z.string().min(1),
    clearedById: id,
  }),
  /**
   * A new public snapshot was rendered and stored (`COMMS_PUBLIC_KEYS.snapshot`). Only public fields: the
   * realtime server hands this to anonymous subscribers as it is.
   */
  [COMMS_EVENTS.publicStatusChanged]: z.strictObject({
    version: z.int().positive(),
    renderedAt: isoTime,
    indicator: z.enum(STATUS_INDICATORS),
    description: z.string(),
  }),
} as const satisfies Record<CommsEventType, z.ZodType>;

export type CommsEventData<T extends CommsEventType> = z.infer<(typeof COMMS_EVENT_DATA)[T]>;

/**
 * The one published interface of the public snapshot: the key the comms subgraph stores each rendering in, and
 * the stream announcing a new one. The public read path (rest-adapters/comms) reads only these two; everything
 * else under `<prefix>:comms:` is the subgraph's.
 */
export const COMMS_PUBLIC_KEYS = (prefix: string) => ({
  snapshot: `${prefix}:comms:public:snapshot`,
  events: `${prefix}:comms:events`,
});

/** One rendered public document: its path on the public site, media type and body. */
export const publicDocument = z.strictObject({
  path: z.string().startsWith('/'),
  contentType: z.string().min(1),
  body: z.string(),
});

/**
 * What `COMMS_PUBLIC_KEYS.snapshot` holds (JSON): every public document, rendered together from one state.
 * `version` increases with every rendering; a reader keeps the highest it has seen.
 */
export const publicSnapshot = z.strictObject({
  version: z.int().positive(),
  renderedAt: isoTime,
  documents: z.array(publicDocument),
});

export type PublicDocument = z.infer<typeof publicDocument>;
export type PublicSnapshot = z.infer<typeof publicSnapshot>;
