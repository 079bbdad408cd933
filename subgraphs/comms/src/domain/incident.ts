import type { AnnouncementState } from './announcement.ts';
import type { ComponentStatus } from './component.ts';

export type IncidentStatus = 'open' | 'mitigated' | 'resolved';

/** What comms keeps of an incident: the facts the public page shows, as read from the graph. */
export interface IncidentFacts {
  id: string;
  title: string;
  sev: number;
  status: IncidentStatus;
  services: string[];
  startedAt: number;
  resolvedAt: number | null;
  updatedAt: number;
}

/** The mirror, plus what comms itself said about it. */
export interface MirroredIncident extends IncidentFacts {
  /** The latest public state, null before the first announcement. */
  state: AnnouncementState | null;
  lastAnnouncementId: string | null;
  /** componentId → the status this incident's latest word gave it. */
  impacts: Record<string, ComponentStatus>;
}
