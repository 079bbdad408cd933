import { fieldError } from '@polystatus/kit';
import type { UserStanding } from './commander.ts';
import type { Incident } from './incident.ts';

/** Response roles beside the commander, as stored (lower-case, like every enum of the domain). */
export const INCIDENT_ROLES = ['communications_lead', 'scribe', 'operations_lead', 'responder'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

/**
 * Roles one person holds at a time: assigning someone else passes the role on (the previous holder is named in
 * the timeline). Responders are any number.
 */
export const SINGLE_HOLDER_ROLES: readonly IncidentRole[] = [
  'communications_lead',
  'scribe',
  'operations_lead',
];

export const isSingleHolder = (role: IncidentRole): boolean => SINGLE_HOLDER_ROLES.includes(role);

export interface RoleAssignment {
  incidentId: string;
  role: IncidentRole;
  userId: string;
  assignedAt: number;
  assignedById: string;
}

/** `User.incidentRoles`: one incident and every role the user holds in it. */
export interface UserIncidentRoles {
  incident: Incident;
  roles: IncidentRole[];
}

/**
 * The field a role holder is checked under. Like a commander, a holder must be an existing, enabled user of any
 * access role: a viewer can be the scribe.
 */
export function checkRoleHolder(standing: UserStanding, field = 'userId'): void {
  if (standing === 'enabled') return;
  throw fieldError(field, standing === 'disabled' ? 'user is disabled' : 'no such user');
}

/** The storage field of a holding in the incident's roles hash: one per single-holder role, one per responder. */
export const roleField = (role: IncidentRole, userId: string): string =>
  isSingleHolder(role) ? role : `${role}:${userId}`;

/** The timeline's wording, e.g. "communications lead". */
export const roleLabel = (role: IncidentRole): string => role.replaceAll('_', ' ');
