import { DomainError, notFound } from '@polystatus/kit';
import type { RestHandler } from '@polystatus/rest-kit';
import { INCIDENT_POSTMORTEM, SUBMIT_POSTMORTEM } from '../documents.ts';
import { FIELD_RENAMES, type PostmortemBody, postmortemInputFromRest, postmortemToRest } from '../mappers.ts';

type IdParams = { id: string };

export const submitPostmortem: RestHandler<PostmortemBody, unknown, IdParams> = async (
  { params, body },
  ctx,
) => {
  const variables = { incidentId: params.id, ...postmortemInputFromRest(body) };
  const data = await ctx.graphql(SUBMIT_POSTMORTEM, variables, FIELD_RENAMES);
  return { body: postmortemToRest(data.submitPostmortem) };
};

export const getPostmortem: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { incident } = await ctx.graphql(INCIDENT_POSTMORTEM, { id: params.id }, FIELD_RENAMES);
  if (!incident) throw notFound('incident', params.id);
  // The current version is the last of the history, from the same read, so the two always agree even when a
  // new version lands while this request runs.
  const current = incident.postmortemHistory.at(-1);
  if (!current) throw new DomainError('NOT_FOUND', `incident ${params.id} has no postmortem yet`);
  return {
    body: { ...postmortemToRest(current), versions: incident.postmortemHistory.map(postmortemToRest) },
  };
};
