import type { CspImpact } from '../formats/types.ts';
import type { CspEvent } from './csp-event.ts';
import { type ServiceDependency, touches } from './dependencies.ts';

/** What the linker asks the incidents domain to open for an event. */
export interface IncidentPlan {
  title: string;
  sev: number;
  services: string[];
  summary: string;
  /** The idempotency key: one incident per upstream event, however often the linker retries. */
  externalKey: string;
}

/** Severity 1 (worst) to 4: critical → 1, major → 2, minor → 3, anything else → 4. */
export const SEV_BY_IMPACT: Record<CspImpact, number> = {
  critical: 1,
  major: 2,
  minor: 3,
  none: 4,
  maintenance: 4,
};

const SERIOUS: ReadonlySet<CspImpact> = new Set(['major', 'critical']);
const TITLE_MAX = 200;
const SUMMARY_MAX = 2000;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * The rule: an open upstream incident (not a maintenance) opens one of ours when its impact is major or critical,
 * or when it touches something we declared a dependency on. Events first seen already closed (a history feed's
 * past) never do. Services come from the dependency map.
 */
export function planIncident(
  event: CspEvent,
  providerName: string,
  dependencies: readonly ServiceDependency[],
): IncidentPlan | null {
  if (event.kind !== 'incident' || event.resolvedAt !== null) return null;
  const hit = dependencies.filter((d) => touches(d, event.providerId, event.components));
  if (!SERIOUS.has(event.impact) && hit.length === 0) return null;
  const services = [...new Set(hit.map((d) => d.service))].sort();
  const latest = event.updates.at(-1)?.body ?? '';
  const lines = [
    `${providerName} reports: ${event.title} (${event.status}, impact ${event.impact}).`,
    event.components.length ? `Affected: ${event.components.join(', ')}.` : '',
    event.regions.length ? `Regions: ${event.regions.join(', ')}.` : '',
    event.url ? `Upstream: ${event.url}` : '',
    latest ? `Latest update: ${latest}` : '',
  ].filter(Boolean);
  return {
    title: clip(`${providerName}: ${event.title}`, TITLE_MAX),
    sev: SEV_BY_IMPACT[event.impact],
    services,
    summary: clip(lines.join('\n'), SUMMARY_MAX),
    externalKey: `csp:${event.id}`,
  };
}
