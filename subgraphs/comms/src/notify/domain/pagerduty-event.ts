/**
 * PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/): one alert per
 * incident, `dedup_key` = the incident id, so trigger, acknowledge and resolve all land on the same PagerDuty
 * incident and a repeated send is merged rather than paging twice.
 */
export type PagerDutyAction = 'trigger' | 'acknowledge' | 'resolve';

/** The PagerDuty action an incident status means: open pages, mitigated acknowledges, resolved resolves. */
export function actionForStatus(status: string): PagerDutyAction | null {
  if (status === 'open') return 'trigger';
  if (status === 'mitigated') return 'acknowledge';
  if (status === 'resolved') return 'resolve';
  return null;
}

/** PagerDuty severities from PolyStatus's 1 (worst) to 4. */
export const pagerDutySeverity = (sev: number | undefined): 'critical' | 'error' | 'warning' | 'info' =>
  sev === 1 ? 'critical' : sev === 2 ? 'error' : sev === 3 ? 'warning' : 'info';

export interface PagerDutyIncident {
  id: string;
  title: string;
  sev?: number;
  services: string[];
}

/** The event without its `routing_key`, added at send time so the key is never stored in the queue. */
export function pagerDutyEvent(action: PagerDutyAction, incident: PagerDutyIncident, link?: string) {
  const base = { event_action: action, dedup_key: incident.id };
  // Only a trigger carries a payload; PagerDuty ignores (or refuses) one on acknowledge and resolve.
  if (action !== 'trigger') return base;
  return {
    ...base,
    payload: {
      summary: incident.title.slice(0, 1024),
      source: 'polystatus',
      severity: pagerDutySeverity(incident.sev),
      component: incident.services[0],
      group: incident.services.join(',') || undefined,
      class: 'incident',
      custom_details: { incident_id: incident.id, sev: incident.sev ?? null, services: incident.services },
    },
    ...(link ? { links: [{ href: link, text: `PolyStatus incident ${incident.id}` }] } : {}),
  };
}

/**
 * What to do with PagerDuty's answer: 202 accepted; 400 is our bug or a bad routing key, retrying cannot help;
 * 429 (rate limited) and 5xx are transient: retry later.
 */
export function pagerDutyOutcome(status: number): 'delivered' | 'retry' | 'drop' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 429 || status >= 500) return 'retry';
  return 'drop';
}
