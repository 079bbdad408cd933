import { fieldError, type Principal, requireRole } from '@polystatus/kit';
import { type IncidentStatsResult, type StatsGroupBy, statsResult } from '../domain/stats.ts';
import type { IncidentsDeps } from './deps.ts';

/** The longest period one query may cover: a year and a bit, so "this year versus last" fits. */
export const STATS_MAX_DAYS = 400;

/**
 * Counts, MTTA and MTTR over the incidents started in [from, to). Reads the stats index only (one range, the
 * figures kept on write, grouped inside Redis), never the incidents, so a year of 10,000 incidents answers in milliseconds.
 */
export async function incidentStats(
  deps: IncidentsDeps,
  principal: Principal,
  args: { from: number; to: number; groupBy?: StatsGroupBy | null },
): Promise<IncidentStatsResult> {
  requireRole(principal, 'viewer');
  if (!(args.to > args.from)) throw fieldError('to', 'must be after from');
  if (args.to - args.from > STATS_MAX_DAYS * 86_400_000) {
    throw fieldError('to', `the period may cover at most ${STATS_MAX_DAYS} days`);
  }
  const groupBy = args.groupBy ?? null;
  const groups = await deps.store.statsGroups(args.from, args.to, groupBy);
  return statsResult(groups, args.from, args.to, groupBy);
}
