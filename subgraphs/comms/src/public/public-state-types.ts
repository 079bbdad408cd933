import type { Announcement } from '../domain/announcement.ts';
import type { Component, ComponentGroup, StatusChange } from '../domain/component.ts';
import type { MirroredIncident } from '../domain/incident.ts';
import type { Maintenance } from '../domain/maintenance.ts';
import type { ManualBanner } from '../domain/manual-banner.ts';

/** Everything one rendering reads, from one atomic read (store/lua/read-public-state.lua). */
export interface PublicState {
  /** The version of the snapshot stored when this was read; the rendering will be `seq + 1`. */
  seq: number;
  groups: ComponentGroup[];
  /** In display order within their group. */
  components: Component[];
  history: Map<string, { before: StatusChange | null; within: StatusChange[] }>;
  /** Open incidents and the most recent ones, each with its announcements newest first. */
  incidents: { incident: MirroredIncident; announcements: Announcement[] }[];
  maintenances: Maintenance[];
  /** The admin's banner as stored, showing or not: the rendering decides by the time. */
  manualBanner: ManualBanner | null;
}
