import type { Source } from './incident.ts';

/**
 * Incident analytics (`incidentStats`): pure grouping and arithmetic over the figures the stats index keeps per
 * incident (store/lua/write-common.lua `restat`), so a query reads one index range and never the incidents.
 */
export interface StatsEntry {
  id: string;
  sev: number;
  source: Source;
  commanderId: string | null;
  services: string[];
  startedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
}

export const STATS_GROUP_BY = ['sev', 'service', 'source', 'commander'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];

/** Seconds; null when there is nothing to summarise. */
export interface DurationStats {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export interface StatsGroup {
  /** What the groups are by; null for the total. */
  by: StatsGroupBy | null;
  /** Null for the total, and for incidents with no commander or no service. */
  key: string | null;
  count: number;
  openAtEnd: number;
  timeToAcknowledge: DurationStats;
  timeToResolve: DurationStats;
}

export interface IncidentStatsResult {
  from: number;
  to: number;
  groupBy: StatsGroupBy | null;
  total: StatsGroup;
  groups: StatsGroup[];
}

/**
 * The p-quantile (0..1) of ascending values, interpolated linearly between the two nearest ranks (the common
 * "type 7" definition: the median of an even count is the mean of the middle two).
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Summary of durations given in milliseconds, answered in seconds. */
export function summarize(durationsMs: number[]): DurationStats {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, median: null, p90: null, mean: null };
  let sum = 0;
  for (const d of sorted) sum += d;
  const s = (ms: number | null) => (ms === null ? null : ms / 1000);
  return { count: n, median: s(quantile(sorted, 0.5)), p90: s(quantile(sorted, 0.9)), mean: s(sum / n) };
}

/** The groups an incident counts in: one, except by service, where it counts once per service it lists. */
function keysOf(e: StatsEntry, groupBy: StatsGroupBy): (string | null)[] {
  switch (groupBy) {
    case 'sev':
      return [String(e.sev)];
    case 'source':
      // The GraphQL enum's name, as clients see the source everywhere else.
      return [e.source.toUpperCase()];
    case 'commander':
      return [e.commanderId];
    case 'service':
      return e.services.length > 0 ? e.services : [null];
  }
}

/** The period's entries as raw groups, the total first. */
export function groupStats(
  entries: readonly StatsEntry[],
  to: number,
  groupBy: StatsGroupBy | null,
): RawStatsGroup[] {
  const total: RawStatsGroup = { key: null, count: 0, openAtEnd: 0, acknowledgeMs: [], resolveMs: [] };
  const byKey = new Map<string | null, RawStatsGroup>();
  const add = (g: RawStatsGroup, e: StatsEntry) => {
    g.count++;
    if (e.acknowledgedAt !== null) g.acknowledgeMs.push(e.acknowledgedAt - e.startedAt);
    if (e.resolvedAt !== null) g.resolveMs.push(e.resolvedAt - e.startedAt);
    if (e.resolvedAt === null || e.resolvedAt >= to) g.openAtEnd++;
  };
  for (const e of entries) {
    add(total, e);
    if (!groupBy) continue;
    for (const key of keysOf(e, groupBy)) {
      let g = byKey.get(key);
      if (!g) {
        g = { key, count: 0, openAtEnd: 0, acknowledgeMs: [], resolveMs: [] };
        byKey.set(key, g);
      }
      add(g, e);
    }
  }
  return [total, ...byKey.values()];
}

/** A group as groupStats builds it: its key, counts, and every duration in milliseconds. */
export interface RawStatsGroup {
  key: string | null;
  count: number;
  openAtEnd: number;
  acknowledgeMs: number[];
  resolveMs: number[];
}

/**
 * Stats of the incidents started in [from, to): the first raw group is the total. MTTA and MTTR count every
 * acknowledged or resolved incident of the period, whenever that happened; `openAtEnd` counts those not resolved
 * before `to`. Groups are largest first, then by key, so the answer is deterministic.
 */
export function statsResult(
  raw: readonly RawStatsGroup[],
  from: number,
  to: number,
  groupBy: StatsGroupBy | null,
): IncidentStatsResult {
  const shape = (by: StatsGroupBy | null, g: RawStatsGroup): StatsGroup => ({
    by,
    key: g.key,
    count: g.count,
    openAtEnd: g.openAtEnd,
    timeToAcknowledge: summarize(g.acknowledgeMs),
    timeToResolve: summarize(g.resolveMs),
  });
  const [total, ...rest] = raw;
  const empty: RawStatsGroup = { key: null, count: 0, openAtEnd: 0, acknowledgeMs: [], resolveMs: [] };
  const groups = groupBy ? rest.map((g) => shape(groupBy, g)) : [];
  groups.sort((a, b) => b.count - a.count || String(a.key ?? '').localeCompare(String(b.key ?? '')));
  return { from, to, groupBy, total: shape(null, total ?? empty), groups };
}
