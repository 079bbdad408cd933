import type { CspEvent } from './csp-event.ts';

export type EdgeKind = 'declared' | 'inferred';

export interface CauseNode {
  providerId: string;
  /** Events of this provider in the graph's window (open or recently changed). */
  eventIds: string[];
}

export interface CauseEvidence {
  causeEventId: string;
  effectEventId: string;
  /** How long both events were open together, in ms. */
  overlapMs: number;
  /** Regions and components both events name (lower-cased). */
  sharedRegions: string[];
  sharedComponents: string[];
  /** The effect's provider is declared to depend on the cause's. */
  declared: boolean;
  /** 0 to 1. */
  confidence: number;
}

export interface CauseEdge {
  /** The provider depended upon, or whose event started first. */
  from: string;
  to: string;
  kind: EdgeKind;
  /** The strongest evidence's confidence for inferred edges; 1 for declared ones. */
  confidence: number;
  evidence: CauseEvidence[];
}

export interface CauseGraph {
  nodes: CauseNode[];
  edges: CauseEdge[];
}

const norm = (values: readonly string[]) =>
  new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean));
const intersect = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).sort();

/** An open event counts as open until `now`. */
const span = (e: CspEvent, now: number): [number, number] => [e.startedAt, e.resolvedAt ?? now];

/** Starting close together says more than merely overlapping: a cascade shows within minutes. */
const PROMPT_MS = 30 * 60_000;

/**
 * Scores one pair of events, the earlier (`cause`) first. Overlap alone is weak (0.3); each shared region or
 * component adds 0.15 (up to 0.45), a declared dependency in that direction 0.2, a start within 30 minutes 0.1.
 * Pairs that share nothing and have no declared dependency are not evidence at all.
 */
export function scorePair(
  cause: CspEvent,
  effect: CspEvent,
  declared: boolean,
  now: number,
): CauseEvidence | null {
  const [cs, ce] = span(cause, now);
  const [es, ee] = span(effect, now);
  const overlapMs = Math.min(ce, ee) - Math.max(cs, es);
  if (overlapMs <= 0) return null;
  const sharedRegions = intersect(norm(cause.regions), norm(effect.regions));
  const sharedComponents = intersect(norm(cause.components), norm(effect.components));
  const shared = sharedRegions.length + sharedComponents.length;
  if (shared === 0 && !declared) return null;
  let confidence = 0.3 + Math.min(0.45, 0.15 * shared) + (declared ? 0.2 : 0);
  if (es - cs <= PROMPT_MS) confidence += 0.1;
  return {
    causeEventId: cause.id,
    effectEventId: effect.id,
    overlapMs,
    sharedRegions,
    sharedComponents,
    declared,
    confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
  };
}

/**
 * The cause-and-effect graph: one node per provider, declared edges (a provider runs on another) and inferred
 * ones (their events overlapped in time and shared regions or components, or overlapped along a declared edge),
 * each inferred edge carrying every pair of events that supports it.
 */
export function buildCauseGraph(
  providers: readonly { id: string; dependsOn: readonly string[] }[],
  events: readonly CspEvent[],
  now: number,
): CauseGraph {
  const known = new Set(providers.map((p) => p.id));
  const dependsOn = new Map(providers.map((p) => [p.id, new Set(p.dependsOn)]));
  const nodes = providers.map((p) => ({
    providerId: p.id,
    eventIds: events.filter((e) => e.providerId === p.id).map((e) => e.id),
  }));
  const edges: CauseEdge[] = [];
  for (const p of providers) {
    for (const dep of p.dependsOn) {
      if (known.has(dep)) edges.push({ from: dep, to: p.id, kind: 'declared', confidence: 1, evidence: [] });
    }
  }
  const inferred = new Map<string, CauseEdge>();
  const sorted = [...events].sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const cause = sorted[i]!;
      const effect = sorted[j]!;
      if (cause.providerId === effect.providerId) continue;
      if (effect.startedAt > (cause.resolvedAt ?? now)) continue;
      const declared = dependsOn.get(effect.providerId)?.has(cause.providerId) ?? false;
      const evidence = scorePair(cause, effect, declared, now);
      if (!evidence) continue;
      const key = `${cause.providerId}\u0000${effect.providerId}`;
      const edge = inferred.get(key) ?? {
        from: cause.providerId,
        to: effect.providerId,
        kind: 'inferred' as const,
        confidence: 0,
        evidence: [],
      };
      edge.evidence.push(evidence);
      edge.confidence = Math.max(edge.confidence, evidence.confidence);
      inferred.set(key, edge);
    }
  }
  edges.push(...[...inferred.values()].sort((a, b) => b.confidence - a.confidence));
  return { nodes, edges };
}
