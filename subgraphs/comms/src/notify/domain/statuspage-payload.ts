/**
 * Webhook bodies in the shape of Atlassian Statuspage's subscriber webhooks, so a receiver written for a
 * Statuspage page (chat bots, aggregators) reads ours unchanged: `incident` with its `incident_updates` newest
 * first, or `component_update` with the component. Times are ISO 8601 UTC as Statuspage sends them.
 */

export interface PageInfo {
  id: string;
  statusIndicator: string;
  statusDescription: string;
}

export interface IncidentUpdateInfo {
  id: string;
  /** investigating | identified | monitoring | resolved */
  status: string;
  body: string;
  at: number;
}

export interface IncidentInfo {
  id: string;
  name: string;
  /** Statuspage impact: none | minor | major | critical */
  impact: string;
  createdAt: number;
  /** Newest first. */
  updates: IncidentUpdateInfo[];
  shortlink: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

function meta(unsubscribeUrl: string, generatedAt: number) {
  return {
    unsubscribe: unsubscribeUrl,
    documentation: 'https://www.polystatus.dev/docs/webhooks',
    generated_at: iso(generatedAt),
  };
}

function page(p: PageInfo) {
  return { id: p.id, status_indicator: p.statusIndicator, status_description: p.statusDescription };
}

/** Statuspage's impact from a PolyStatus severity (1 is the worst). */
export const impactOfSev = (sev: number | undefined): string =>
  sev === 1 ? 'critical' : sev === 2 ? 'major' : sev === 3 || sev === 4 ? 'minor' : 'none';

export function incidentPayload(opts: {
  page: PageInfo;
  incident: IncidentInfo;
  unsubscribeUrl: string;
  now: number;
}) {
  const { incident } = opts;
  const latest = incident.updates[0];
  const firstAt = (status: string) => incident.updates.findLast((u) => u.status === status)?.at;
  const at = (ms: number | undefined) => (ms === undefined ? null : iso(ms));
  return {
    meta: meta(opts.unsubscribeUrl, opts.now),
    page: page(opts.page),
    incident: {
      backfilled: false,
      created_at: iso(incident.createdAt),
      id: incident.id,
      impact: incident.impact,
      impact_override: null,
      monitoring_at: at(firstAt('monitoring')),
      name: incident.name,
      page_id: opts.page.id,
      postmortem_body: null,
      postmortem_body_last_updated_at: null,
      postmortem_ignored: false,
      postmortem_notified_subscribers: false,
      postmortem_notified_twitter: false,
      postmortem_published_at: null,
      resolved_at: at(firstAt('resolved')),
      scheduled_auto_transition: false,
      scheduled_for: null,
      scheduled_remind_prior: false,
      scheduled_reminded_at: null,
      scheduled_until: null,
      shortlink: incident.shortlink,
      status: latest?.status ?? 'investigating',
      updated_at: iso(latest?.at ?? incident.createdAt),
      incident_updates: incident.updates.map((u) => ({
        body: u.body,
        created_at: iso(u.at),
        display_at: iso(u.at),
        id: u.id,
        incident_id: incident.id,
        status: u.status,
        twitter_updated_at: null,
        updated_at: iso(u.at),
        wants_twitter_update: false,
      })),
    },
  };
}

export function componentUpdatePayload(opts: {
  page: PageInfo;
  component: { id: string; name: string; createdAt: number };
  update: { id: string; oldStatus: string; newStatus: string; at: number };
  unsubscribeUrl: string;
  now: number;
}) {
  const { component, update } = opts;
  return {
    meta: meta(opts.unsubscribeUrl, opts.now),
    page: page(opts.page),
    component_update: {
      created_at: iso(update.at),
      new_status: update.newStatus,
      old_status: update.oldStatus,
      id: update.id,
      component_id: component.id,
    },
    component: {
      created_at: iso(component.createdAt),
      id: component.id,
      name: component.name,
      status: update.newStatus,
    },
  };
}
