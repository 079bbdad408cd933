import type { RestHandler } from '@polystatus/rest-kit';
import { INCIDENT_STATS } from '../documents.ts';
import { type IncidentStatsQuery, statsToRest, statsVariablesFromQuery } from '../stats-mappers.ts';

/** `groupBy` is `group_by` mechanically; `from` and `to` keep their names. */
export const getIncidentStats: RestHandler<unknown, IncidentStatsQuery> = async ({ query }, ctx) => {
  const { incidentStats } = await ctx.graphql(INCIDENT_STATS, statsVariablesFromQuery(query));
  return { body: statsToRest(incidentStats) };
};
