import { notFound } from '@polystatus/kit';
import { nextPageHeaders, type RestHandler } from '@polystatus/rest-kit';
import { ADD_TIMELINE_EVENT, INCIDENT_TIMELINE } from '../documents.ts';
import { FIELD_RENAMES, type RestNoteType, timelineEventToRest, toGraphEnum } from '../mappers.ts';

type IdParams = { id: string };

export const addTimelineEvent: RestHandler<
  { type: RestNoteType; message: string },
  unknown,
  IdParams
> = async ({ params, body }, ctx) => {
  const variables = { incidentId: params.id, input: { type: toGraphEnum(body.type), message: body.message } };
  const data = await ctx.graphql(ADD_TIMELINE_EVENT, variables, FIELD_RENAMES);
  return { body: timelineEventToRest(data.addTimelineEvent) };
};

export const listTimelineEvents: RestHandler<unknown, { limit: number; after?: string }, IdParams> = async (
  { params, query, path },
  ctx,
) => {
  const variables = { id: params.id, first: query.limit, after: query.after };
  const { incident } = await ctx.graphql(INCIDENT_TIMELINE, variables, FIELD_RENAMES);
  if (!incident) throw notFound('incident', params.id);
  const { nodes, pageInfo } = incident.timeline;
  const next = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  return { body: nodes.map(timelineEventToRest), headers: nextPageHeaders(path, query, 'after', next) };
};
