/**
 * What the wallboard says about a provider, in one word and a colour: the worst of its open events' impact, else
 * the worst of its components' statuses, and whether we can see it at all (a feed that fails or a circuit that
 * is open means the board no longer knows, which must not look like "all good").
 */
export type Tone = 'ok' | 'degraded' | 'partial' | 'major' | 'maintenance' | 'unknown';

export interface ProviderStateInput {
  enabled: boolean;
  health: { reachable: boolean; circuit: string };
  components: Array<{ status: string }>;
}

export interface EventStateInput {
  impact: string;
  kind: string;
}

const IMPACT: Record<string, { tone: Tone; rank: number; label: string }> = {
  CRITICAL: { tone: 'major', rank: 5, label: 'Major outage' },
  MAJOR: { tone: 'partial', rank: 4, label: 'Partial outage' },
  MINOR: { tone: 'degraded', rank: 3, label: 'Degraded' },
  MAINTENANCE: { tone: 'maintenance', rank: 2, label: 'Maintenance' },
  NONE: { tone: 'degraded', rank: 1, label: 'Incident reported' },
};

const COMPONENT: Record<string, { tone: Tone; rank: number; label: string }> = {
  MAJOR_OUTAGE: IMPACT.CRITICAL!,
  PARTIAL_OUTAGE: IMPACT.MAJOR!,
  DEGRADED_PERFORMANCE: IMPACT.MINOR!,
  UNDER_MAINTENANCE: IMPACT.MAINTENANCE!,
};

export function providerState(
  provider: ProviderStateInput,
  activeEvents: EventStateInput[],
): { tone: Tone; label: string; feed: string | null } {
  const feed = !provider.enabled
    ? 'Not watched (disabled)'
    : provider.health.circuit === 'OPEN'
      ? 'Feed unreachable: retrying later'
      : !provider.health.reachable
        ? 'Feed failing'
        : null;
  let worst: { tone: Tone; rank: number; label: string } | null = null;
  for (const e of activeEvents) {
    const s = e.kind === 'MAINTENANCE' ? IMPACT.MAINTENANCE! : (IMPACT[e.impact] ?? IMPACT.NONE!);
    if (!worst || s.rank > worst.rank) worst = s;
  }
  for (const c of provider.components) {
    const s = COMPONENT[c.status];
    if (s && (!worst || s.rank > worst.rank)) worst = s;
  }
  if (worst) return { tone: worst.tone, label: worst.label, feed };
  if (feed) return { tone: 'unknown', label: 'Unknown', feed };
  return { tone: 'ok', label: 'Operational', feed };
}
