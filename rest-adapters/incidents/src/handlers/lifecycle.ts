import type { RestHandler } from '@polystatus/rest-kit';
import { ASSIGN_COMMANDER, CHANGE_STATUS } from '../documents.ts';
import { FIELD_RENAMES, incidentToRest, type RestStatus, toGraphEnum } from '../mappers.ts';

type IdParams = { id: string };

export const assignIncident: RestHandler<
  { commander: string; expected_version?: number },
  unknown,
  IdParams
> = async ({ params, body }, ctx) => {
  const variables = { id: params.id, commanderId: body.commander, expectedVersion: body.expected_version };
  const data = await ctx.graphql(ASSIGN_COMMANDER, variables, FIELD_RENAMES);
  return { body: incidentToRest(data.assignCommander) };
};

export const changeIncidentStatus: RestHandler<
  { status: RestStatus; note?: string; expected_version?: number },
  unknown,
  IdParams
> = async ({ params, body }, ctx) => {
  const variables = {
    id: params.id,
    status: toGraphEnum(body.status),
    note: body.note,
    expectedVersion: body.expected_version,
  };
  const data = await ctx.graphql(CHANGE_STATUS, variables, FIELD_RENAMES);
  return { body: incidentToRest(data.changeIncidentStatus) };
};
