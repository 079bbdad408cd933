import type { Role } from '../generated/graphql.ts';

/**
 * What each role may do, as the domains enforce it (subgraphs/*\/README.md, "Access"). The UI hides what the
 * role may not do; the server refuses it anyway, so this is about a clear screen, not about security.
 */
const RANK: Record<Role, number> = { VIEWER: 0, RESPONDER: 1, MANAGER: 2, ADMIN: 3 };

export const atLeast = (role: Role | undefined, minimum: Role): boolean =>
  role !== undefined && RANK[role] >= RANK[minimum];

export const ROLES: Role[] = ['VIEWER', 'RESPONDER', 'MANAGER', 'ADMIN'];

export const can = {
  declareIncident: (r?: Role) => atLeast(r, 'RESPONDER'),
  addTimelineEvent: (r?: Role) => atLeast(r, 'RESPONDER'),
  changeStatus: (r?: Role) => atLeast(r, 'RESPONDER'),
  assignCommander: (r?: Role) => atLeast(r, 'MANAGER'),
  editPostmortem: (r?: Role) => atLeast(r, 'MANAGER'),
  acknowledge: (r?: Role) => atLeast(r, 'RESPONDER'),
  assignIncidentRole: (r?: Role) => atLeast(r, 'RESPONDER'),
  manageActionItems: (r?: Role) => atLeast(r, 'RESPONDER'),
  /** A flag toggled from an incident; any other flag change needs admin (`administer`). */
  pullKillSwitch: (r?: Role) => atLeast(r, 'RESPONDER'),
  administer: (r?: Role) => atLeast(r, 'ADMIN'),
  publishAnnouncement: (r?: Role) => atLeast(r, 'RESPONDER'),
  /** Components, maintenance, webhooks, providers and service dependencies (comms and csp: "Requires manager"). */
  manageStatusPage: (r?: Role) => atLeast(r, 'MANAGER'),
  refreshProvider: (r?: Role) => atLeast(r, 'RESPONDER'),
};
