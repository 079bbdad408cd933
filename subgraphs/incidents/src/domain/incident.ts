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
  createdById: string;
  version: number;
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
] as const;
export type TimelineEntryType = NoteType | (typeof SYSTEM_ENTRY_TYPES)[number];

export interface TimelineEntry {
  /** The stream entry id; monotonic per incident, so it doubles as the resume cursor. */
  id: string;
  incidentId: string;
  type: TimelineEntryType;
  message: string;
  authorId: string;
  at: number;
  system: boolean;
}

export interface ActionItem {
  text: string;
  ownerId: string | null;
  done: boolean;
}

export interface Postmortem {
  incidentId: string;
  version: number;
  whatHappened: string;
  rootCause: string;
  impact: string | null;
  lessonsLearned: string | null;
  actionItems: ActionItem[];
  editedById: string;
  editedAt: number;
}
