import { z } from 'zod';
import { isoTime } from './envelope.ts';

/**
 * The csp domain's events, on `<prefix>:csp:events` (`subject` is the csp event id, `<provider>-<hash>`).
 * Producer: subgraphs/csp (`src/domain/events.ts`), appended in the same atomic step as the stored change.
 * Consumers: the gateway's realtime subscription `cspEventChanged`; any domain wanting providers' outages.
 * Every payload carries the event's state right after the change, so a consumer needs no read-back.
 */
export const CSP_EVENTS = {
  created: 'csp.event_created',
  updated: 'csp.event_updated',
  resolved: 'csp.event_resolved',
  incidentLinked: 'csp.incident_linked',
} as const;

export type CspEventType = (typeof CSP_EVENTS)[keyof typeof CSP_EVENTS];

const id = z.string().min(1);
const status = z.enum([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
  'unknown',
]);
const impact = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);

const every = {
  eventId: id,
  providerId: id,
  upstreamId: id,
  title: z.string(),
  status,
  impact,
  components: z.array(z.string()),
  regions: z.array(z.string()),
  /** False once the upstream event is resolved or completed. */
  active: z.boolean(),
  startedAt: isoTime,
  updatedAt: isoTime,
  resolvedAt: isoTime.nullable(),
};

/** Names of the normalized fields a change touched (`updates` when only new upstream updates arrived). */
const changed = z.array(z.string().min(1));

export const CSP_EVENT_DATA = {
  [CSP_EVENTS.created]: z.strictObject({ ...every }),
  [CSP_EVENTS.updated]: z.strictObject({ ...every, changed, newUpdates: z.int().min(0) }),
  /** `reason`: the feed said so (`upstream`) or the event left a feed that lists only open ones (`disappeared`). */
  [CSP_EVENTS.resolved]: z.strictObject({
    ...every,
    changed,
    newUpdates: z.int().min(0),
    reason: z.enum(['upstream', 'disappeared']),
  }),
  /** An internal incident was opened for the event (through the incidents domain). */
  [CSP_EVENTS.incidentLinked]: z.strictObject({ ...every, incidentId: id }),
} as const satisfies Record<CspEventType, z.ZodType>;

export type CspEventData<T extends CspEventType> = z.infer<(typeof CSP_EVENT_DATA)[T]>;
