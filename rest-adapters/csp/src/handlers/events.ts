import { nextPageHeaders, type RestHandler } from '@polystatus/rest-kit';
import { LIST_CSP_EVENTS } from '../documents.ts';
import { eventToRest, FIELD_RENAMES, type ListEventsQuery } from '../mappers.ts';

export const listEvents: RestHandler<unknown, ListEventsQuery> = async ({ query, path }, ctx) => {
  const filter = { active: query.active, providers: query.provider };
  const variables = { filter, first: query.limit, after: query.cursor };
  const { cspEvents } = await ctx.graphql(LIST_CSP_EVENTS, variables, FIELD_RENAMES);
  const next = cspEvents.pageInfo.hasNextPage ? cspEvents.pageInfo.endCursor : null;
  return { body: cspEvents.nodes.map(eventToRest), headers: nextPageHeaders(path, query, 'cursor', next) };
};
