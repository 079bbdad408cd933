import type { RestHandlers } from '@polystatus/rest-kit';
import { login, logout, refreshSession } from './auth.ts';
import { createApiToken, listApiTokens, listAuditEvents, revokeApiToken } from './tokens.ts';
import { createUser, disableUser, enableUser, getUser, listUsers, me, updateUser } from './users.ts';

/** Keyed by the operationIds of swaggers/users.yaml; the service refuses to start if the two sets differ. */
export const usersHandlers: RestHandlers = {
  createUser,
  listUsers,
  getUser,
  updateUser,
  disableUser,
  enableUser,
  me,
  login,
  refreshSession,
  logout,
  listApiTokens,
  createApiToken,
  revokeApiToken,
  listAuditEvents,
};
