import { notFound } from '@polystatus/kit';
import { nextPageHeaders, type RestHandler } from '@polystatus/rest-kit';
import { CREATE_INCIDENT, GET_INCIDENT, LIST_INCIDENTS, UPDATE_INCIDENT } from '../documents.ts';
import {
  createInputFromRest,
  FIELD_RENAMES,
  filterFromQuery,
  type IncidentCreateBody,
  type IncidentPatchBody,
  incidentToRest,
  LIST_FIELD_RENAMES,
  type ListIncidentsQuery,
  updateFromRest,
} from '../mappers.ts';

type IdParams = { id: string };

export const createIncident: RestHandler<IncidentCreateBody> = async ({ body }, ctx) => {
  const data = await ctx.graphql(CREATE_INCIDENT, { input: createInputFromRest(body) }, FIELD_RENAMES);
  return { body: incidentToRest(data.createIncident) };
};

export const listIncidents: RestHandler<unknown, ListIncidentsQuery> = async ({ query, path }, ctx) => {
  const variables = { filter: filterFromQuery(query), first: query.limit, after: query.cursor };
  const { incidents } = await ctx.graphql(LIST_INCIDENTS, variables, LIST_FIELD_RENAMES);
  const next = incidents.pageInfo.hasNextPage ? incidents.pageInfo.endCursor : null;
  return { body: incidents.nodes.map(incidentToRest), headers: nextPageHeaders(path, query, 'cursor', next) };
};

export const getIncident: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { incident } = await ctx.graphql(GET_INCIDENT, { id: params.id }, FIELD_RENAMES);
  if (!incident) throw notFound('incident', params.id);
  return { body: incidentToRest(incident) };
};

export const updateIncident: RestHandler<IncidentPatchBody, unknown, IdParams> = async (
  { params, body },
  ctx,
) => {
  const data = await ctx.graphql(UPDATE_INCIDENT, { id: params.id, ...updateFromRest(body) }, FIELD_RENAMES);
  return { body: incidentToRest(data.updateIncident) };
};
