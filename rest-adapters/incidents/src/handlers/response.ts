import { notFound } from '@polystatus/kit';
import type { RestHandler } from '@polystatus/rest-kit';
import {
  ACKNOWLEDGE_INCIDENT,
  ASSIGN_INCIDENT_ROLE,
  INCIDENT_ROLES,
  UNASSIGN_INCIDENT_ROLE,
} from '../documents.ts';
import { FIELD_RENAMES } from '../mappers.ts';
import {
  acknowledgementToRest,
  holdingFromPath,
  type RoleHoldingParams,
  roleAssignmentToRest,
} from '../role-mappers.ts';

type IdParams = { id: string };

export const acknowledgeIncident: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const data = await ctx.graphql(ACKNOWLEDGE_INCIDENT, { id: params.id }, FIELD_RENAMES);
  return { body: acknowledgementToRest(data.acknowledgeIncident) };
};

export const listIncidentRoles: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { incident } = await ctx.graphql(INCIDENT_ROLES, { id: params.id }, FIELD_RENAMES);
  if (!incident) throw notFound('incident', params.id);
  return { body: incident.roles.map(roleAssignmentToRest) };
};

export const assignIncidentRole: RestHandler<unknown, unknown, RoleHoldingParams> = async (
  { params },
  ctx,
) => {
  const data = await ctx.graphql(ASSIGN_INCIDENT_ROLE, holdingFromPath(params), FIELD_RENAMES);
  return { body: data.assignIncidentRole.roles.map(roleAssignmentToRest) };
};

export const unassignIncidentRole: RestHandler<unknown, unknown, RoleHoldingParams> = async (
  { params },
  ctx,
) => {
  const data = await ctx.graphql(UNASSIGN_INCIDENT_ROLE, holdingFromPath(params), FIELD_RENAMES);
  return { body: data.unassignIncidentRole.roles.map(roleAssignmentToRest) };
};
