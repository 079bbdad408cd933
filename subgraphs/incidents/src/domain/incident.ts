/**
 * The incidents domain model. Times are epoch milliseconds (what Redis stores); the GraphQL layer turns them
 * into ISO-8601 strings.
 */
export const STATUSES = ['open', 'mitigated', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

export const SOURCES = ['manual', 'csp', 'api'] as const;
export type Source = (typeof SOURCES)[number];

export const SEVERITIES = [1, 2, 3, 4] as const;

export interface Incident {
  id: string;
  /** Creation order: the score of every index, so lists are newest first and cursors are stable. */
  seq: number;
  title: string;
  sev: number;
  services: string[];
  summary: string;
  status: Status;
  source: Source;
  startedAt: number;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  updatedAt: number;
  commanderId: string | null;
  /** A user id, or `system:<service>` (see actor.ts). */
  createdById: string;
  version: number;
  /** The creator's idempotency key, when one was given. */
  externalKey: string | null;
  acknowledgedAt: number | null;
  acknowledgedById: string | null;
}

/** Entries people add. */
export const NOTE_TYPES = ['update', 'note', 'mitigation', 'resolution'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/** Entries the system records in the same atomic step as the change they describe. */
export const SYSTEM_ENTRY_TYPES = [
  'created',
  'status_changed',
  'commander_assigned',
  'postmortem_updated',
  'incident_updated',
  'acknowledged',
  'role_assigned',
  'role_unassigned',
  'action_item_created',
  'action_item_updated',
] as const;

/** Written only by PolyStatus services: the csp service relays a cloud provider's update. */
export const UPSTREAM_ENTRY_TYPE = 'upstream_update';

export interface UpstreamUpdate {
  provider: string;
  upstreamId: string;
  status: string;
  /** Epoch ms, when the provider published it. */
  at: number;
  url: string | null;
}
export type TimelineEntryType = NoteType | (typeof SYSTEM_ENTRY_TYPES)[number] | typeof UPSTREAM_ENTRY_TYPE;

export interface TimelineEntry {
  /** The stream entry id; monotonic per incident, so it doubles as the resume cursor. */
  id: string;
  incidentId: string;
  type: TimelineEntryType;
  message: string;
  authorId: string;
  at: number;
  system: boolean;
  /** The user a system entry is about: the commander or role holder it assigned or unassigned. */
  subjectId: string | null;
  /** For `upstream_update` entries. */
  upstream: UpstreamUpdate | null;
}

/** An action item as a postmortem version recorded it; `actionItemId` is the tracked item it became. */
export interface PostmortemActionItem {
  text: string;
  ownerId: string | null;
  done: boolean;
  /** Absent in versions submitted before items were tracked. */
  actionItemId?: string | null;
}

export interface Postmortem {
  incidentId: string;
  version: number;
  whatHappened: string;
  rootCause: string;
  impact: string | null;
  lessonsLearned: string | null;
  actionItems: PostmortemActionItem[];
  editedById: string;
  editedAt: number;
}
