import { createHash } from 'node:crypto';
import type { STATUS_INDICATORS } from '@polystatus/contracts';
import type { Announcement, AnnouncementState } from '../../domain/announcement.ts';
import type { Component, ComponentGroup, ComponentStatus } from '../../domain/component.ts';
import type { MirroredIncident } from '../../domain/incident.ts';
import { AUTOMATIC_MESSAGES, type Maintenance, type MaintenanceUpdate } from '../../domain/maintenance.ts';
import type { ManualBanner } from '../../domain/manual-banner.ts';
import { computeUptime, type Uptime } from '../../domain/uptime.ts';
import type { PublicState } from '../public-state-types.ts';

export type Indicator = (typeof STATUS_INDICATORS)[number];
export type IncidentImpact = 'none' | 'minor' | 'major' | 'critical';

export interface PageSettings {
  pageName: string;
  pageUrl: string;
  /** How long a resolved incident stays in the public status list. */
  recentResolvedMs: number;
  /** How long the banner shows an incident's all-clear after its resolution (render/banner.ts). */
  bannerResolvedMs: number;
}

export interface ViewIncident {
  incident: MirroredIncident;
  /** Statuspage's incident status: the incidents domain's resolution wins, else the latest public word. */
  status: AnnouncementState;
  impact: IncidentImpact;
  /** Newest first. */
  announcements: Announcement[];
  monitoringAt: number | null;
  /** The incident's last change, public or not. */
  updatedAt: number;
  componentIds: string[];
}

/** The public page as every renderer sees it: derived once per rendering from one consistent read. */
export interface PublicView {
  version: number;
  asOf: number;
  page: { id: string; name: string; url: string };
  indicator: Indicator;
  description: string;
  groups: ComponentGroup[];
  components: Component[];
  componentById: Map<string, Component>;
  groupById: Map<string, ComponentGroup>;
  uptime: Map<string, Uptime>;
  /**
   * Each component's status changes as read (the last one before the 91-day window, then those within, oldest
   * first): what a maintenance's updates changed, for Statuspage's `affected_components`.
   */
  history: PublicState['history'];
  /** Newest change first: the 50 Statuspage's incidents.json shows. */
  incidents: ViewIncident[];
  unresolved: ViewIncident[];
  /** Unresolved, plus resolved within the recent window: the reference's public status list. */
  current: ViewIncident[];
  /** Newest scheduled first. */
  maintenances: Maintenance[];
  /** The admin's banner as stored; render/banner.ts decides by `asOf` whether it shows. */
  manualBanner: ManualBanner | null;
  bannerResolvedMs: number;
}

const IMPACT_BY_SEV: Record<number, IncidentImpact> = { 1: 'critical', 2: 'major', 3: 'minor', 4: 'none' };

/** The indicator a component status alone implies (Statuspage's page-level wording). */
const BY_COMPONENT: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};
const INDICATOR_RANK: Indicator[] = ['none', 'maintenance', 'minor', 'major', 'critical'];
const DESCRIPTIONS: Record<Indicator, string> = {
  none: 'All Systems Operational',
  maintenance: 'Service Under Maintenance',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

/** A stable, opaque page id (Statuspage pages have one), derived from the page's address. */
const pageIdOf = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 12);

export function buildView(state: PublicState, settings: PageSettings, now: number): PublicView {
  const componentById = new Map(state.components.map((c) => [c.id, c]));
  const groupById = new Map(state.groups.map((g) => [g.id, g]));
  const groupPosition = (c: Component) =>
    c.groupId ? (groupById.get(c.groupId)?.position ?? 0) : c.position;
  const components = [...state.components].sort(
    (a, b) => groupPosition(a) - groupPosition(b) || a.position - b.position || a.name.localeCompare(b.name),
  );

  const uptime = new Map<string, Uptime>();
  for (const c of components) {
    const h = state.history.get(c.id) ?? { before: null, within: [] };
    uptime.set(
      c.id,
      computeUptime({ createdAt: c.createdAt, before: h.before, within: h.within, now, days: 90 }),
    );
  }

  const incidents = state.incidents
    .map(({ incident, announcements }) => viewIncident(incident, announcements))
    .sort((a, b) => b.updatedAt - a.updatedAt || b.incident.startedAt - a.incident.startedAt)
    .slice(0, 50);
  const unresolved = incidents.filter((i) => i.status !== 'resolved');
  const current = incidents.filter(
    (i) =>
      i.status !== 'resolved' || (i.incident.resolvedAt ?? i.updatedAt) >= now - settings.recentResolvedMs,
  );

  let indicator: Indicator = 'none';
  const raise = (candidate: Indicator) => {
    if (INDICATOR_RANK.indexOf(candidate) > INDICATOR_RANK.indexOf(indicator)) indicator = candidate;
  };
  for (const c of components) raise(BY_COMPONENT[c.status]);
  // An unresolved incident that names no component still means something is wrong.
  for (const i of unresolved) raise(i.impact === 'none' ? 'minor' : i.impact);
  const maintenances = [...state.maintenances].sort((a, b) => b.scheduledFor - a.scheduledFor);
  if (maintenances.some((m) => m.status === 'in_progress' || m.status === 'verifying')) raise('maintenance');

  return {
    version: state.seq + 1,
    asOf: now,
    page: { id: pageIdOf(settings.pageUrl), name: settings.pageName, url: settings.pageUrl },
    indicator,
    description: DESCRIPTIONS[indicator],
    groups: state.groups,
    components,
    componentById,
    groupById,
    uptime,
    history: state.history,
    incidents,
    unresolved,
    current,
    maintenances,
    manualBanner: state.manualBanner,
    bannerResolvedMs: settings.bannerResolvedMs,
  };
}

/** The update scheduleMaintenance wrote: the maintenance's announcement. */
export const isSchedulingUpdate = (m: Maintenance, u: MaintenanceUpdate) =>
  u === m.updates[0] && u.status === 'scheduled';

/**
 * What the public reads of a maintenance update. The scheduling one reads as the maintenance's message as it is
 * now: editing a scheduled maintenance changes what the public is told without adding an update, and the stored
 * update keeps the first wording.
 */
export const maintenanceUpdateBody = (m: Maintenance, u: MaintenanceUpdate): string =>
  isSchedulingUpdate(m, u) ? m.message || AUTOMATIC_MESSAGES.scheduled : u.message;

function viewIncident(incident: MirroredIncident, announcements: Announcement[]): ViewIncident {
  const status: AnnouncementState =
    incident.status === 'resolved' ? 'resolved' : (incident.state ?? 'investigating');
  const monitoring = announcements.find((a) => a.state === 'monitoring');
  const latest = announcements[0]?.publishedAt ?? 0;
  return {
    incident,
    status,
    impact: IMPACT_BY_SEV[incident.sev] ?? 'minor',
    announcements,
    monitoringAt: monitoring?.publishedAt ?? null,
    updatedAt: Math.max(incident.updatedAt, latest),
    componentIds: Object.keys(incident.impacts),
  };
}
