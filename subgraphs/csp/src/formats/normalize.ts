import type { ComponentStatus, CspImpact, CspStatus, NormalizedEvent, UpstreamUpdate } from './types.ts';

/** Shared vocabulary: the normalized enums, their order, and the steps every parser ends with. */

const CLOSED: ReadonlySet<CspStatus> = new Set(['resolved', 'completed']);

export const isClosed = (status: CspStatus) => CLOSED.has(status);

const STATUSES: Record<string, CspStatus> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  // A postmortem is published after the incident is resolved.
  postmortem: 'resolved',
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
};

/** Statuspage's status words (JSON `status`, or the Atom/RSS `<strong>` label: "In progress" → in_progress). */
export function statuspageStatus(value: unknown): CspStatus {
  if (typeof value !== 'string') return 'unknown';
  return STATUSES[value.trim().toLowerCase().replace(/\s+/g, '_')] ?? 'unknown';
}

const IMPACT_RANK: Record<CspImpact, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };

export function worstImpact(impacts: Iterable<CspImpact>, fallback: CspImpact = 'none'): CspImpact {
  let worst: CspImpact | null = null;
  for (const i of impacts) if (worst === null || IMPACT_RANK[i] > IMPACT_RANK[worst]) worst = i;
  return worst ?? fallback;
}

const COMPONENT_STATUSES: ReadonlySet<string> = new Set([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]);

export const componentStatus = (value: unknown): ComponentStatus =>
  typeof value === 'string' && COMPONENT_STATUSES.has(value) ? (value as ComponentStatus) : 'unknown';

const COMPONENT_RANK: Record<ComponentStatus, number> = {
  unknown: 0,
  operational: 1,
  under_maintenance: 2,
  degraded_performance: 3,
  partial_outage: 4,
  major_outage: 5,
};

export function worstComponentStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'unknown';
  for (const s of statuses) if (COMPONENT_RANK[s] > COMPONENT_RANK[worst]) worst = s;
  return worst;
}

/** Updates oldest first (feeds disagree on order), ties kept in feed order. */
export const sortUpdates = (updates: UpstreamUpdate[]) => updates.sort((a, b) => a.at - b.at);

/**
 * The last step of every parser: updates sorted oldest first, updatedAt no earlier than the newest update, and a
 * closed event always carrying a resolution time (the feed's, else its last update's, else its last change).
 */
export function finishEvent(event: NormalizedEvent): NormalizedEvent {
  sortUpdates(event.updates);
  const newest = event.updates.at(-1);
  if (newest && newest.at > event.updatedAt) event.updatedAt = newest.at;
  if (event.updatedAt < event.startedAt) event.updatedAt = event.startedAt;
  if (isClosed(event.status)) {
    event.resolvedAt ??= [...event.updates].reverse().find((u) => isClosed(u.status))?.at ?? event.updatedAt;
  } else {
    event.resolvedAt = null;
  }
  return event;
}
