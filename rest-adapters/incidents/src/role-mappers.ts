import { epochSeconds } from '@polystatus/rest-kit';
import type * as Op from './generated/operations.ts';
import { fromGraphEnum, incidentToRest, type RestIncident, toGraphEnum } from './mappers.ts';

/** Acknowledgement and response roles between the REST contract and the graph; renames only, no rules. */

export type RestIncidentRole = Lowercase<Op.IncidentRole>;

export interface RestRoleAssignment {
  role: RestIncidentRole;
  user: string;
  assigned_at: number;
  assigned_by: string;
}

export interface RestAcknowledgement {
  acknowledged: boolean;
  incident: RestIncident;
}

/** `{incident}/roles/{role}/{user_id}`: the path names the holding. */
export interface RoleHoldingParams {
  id: string;
  role: RestIncidentRole;
  user_id: string;
}

export function roleAssignmentToRest(n: Op.RoleAssignmentFieldsFragment): RestRoleAssignment {
  return {
    role: fromGraphEnum(n.role),
    user: n.userId,
    assigned_at: epochSeconds(n.assignedAt),
    assigned_by: n.assignedById,
  };
}

export function acknowledgementToRest(
  n: Op.AcknowledgeIncidentMutation['acknowledgeIncident'],
): RestAcknowledgement {
  return { acknowledged: n.acknowledged, incident: incidentToRest(n.incident) };
}

/** The role mutations' arguments from the path. Errors on `userId` come back as `user_id`, the path's name. */
export const holdingFromPath = (params: RoleHoldingParams): Op.AssignIncidentRoleMutationVariables => ({
  incidentId: params.id,
  role: toGraphEnum(params.role),
  userId: params.user_id,
});
