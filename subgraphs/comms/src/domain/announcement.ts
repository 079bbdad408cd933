import { ANNOUNCEMENT_STATES } from '@polystatus/contracts';
import type { ComponentStatus } from './component.ts';

export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];
export { ANNOUNCEMENT_STATES };

/** A component's status before and after one public update (Statuspage's `affected_components`). */
export interface ComponentImpact {
  componentId: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
}

export interface Announcement {
  id: string;
  incidentId: string;
  state: AnnouncementState;
  message: string;
  authorId: string;
  /** Epoch ms. */
  publishedAt: number;
  impacts: ComponentImpact[];
}

/** Longest public message, in characters: a status update, not a postmortem. */
export const MESSAGE_MAX = 5000;
