import { epochSeconds } from '@polystatus/rest-kit';
import type * as Op from './generated/operations.ts';
import { fromGraphEnum, isoFromEpochSeconds, toGraphEnum } from './mappers.ts';

/** `GET /api/v1/incidents/stats` between the REST contract and the graph. Durations are seconds on both sides. */

export type RestStatsGroupBy = Lowercase<Op.IncidentStatsGroupBy>;

export interface IncidentStatsQuery {
  from: number;
  to: number;
  group_by?: RestStatsGroupBy;
}

export interface RestDurationStats {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export interface RestStatsGroup {
  key: string | null;
  count: number;
  open_at_end: number;
  time_to_acknowledge: RestDurationStats;
  time_to_resolve: RestDurationStats;
}

export interface RestIncidentStats {
  from: number;
  to: number;
  group_by: RestStatsGroupBy | null;
  total: RestStatsGroup;
  groups: RestStatsGroup[];
}

export function statsVariablesFromQuery(query: IncidentStatsQuery): Op.IncidentStatsQueryVariables {
  return {
    from: isoFromEpochSeconds(query.from),
    to: isoFromEpochSeconds(query.to),
    groupBy: query.group_by && toGraphEnum(query.group_by),
  };
}

const durationToRest = (d: Op.DurationFieldsFragment): RestDurationStats => ({
  count: d.count,
  median: d.median,
  p90: d.p90,
  mean: d.mean,
});

export function statsToRest(n: Op.IncidentStatsQuery['incidentStats']): RestIncidentStats {
  const groupBy = n.groupBy && fromGraphEnum(n.groupBy);
  const group = (g: Op.StatsGroupFieldsFragment): RestStatsGroup => ({
    // The graph keys source groups by its enum (`MANUAL`); REST spells enum values in lower case everywhere.
    key: groupBy === 'source' && g.key !== null ? g.key.toLowerCase() : g.key,
    count: g.count,
    open_at_end: g.openAtEnd,
    time_to_acknowledge: durationToRest(g.timeToAcknowledge),
    time_to_resolve: durationToRest(g.timeToResolve),
  });
  return {
    from: epochSeconds(n.from),
    to: epochSeconds(n.to),
    group_by: groupBy,
    total: group(n.total),
    groups: n.groups.map(group),
  };
}
