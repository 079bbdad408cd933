import type { Role } from '@polystatus/kit';
import { epochSeconds, epochSecondsOrNull } from '@polystatus/rest-kit';
import type * as Op from './generated/operations.ts';

/**
 * Pure translations between the REST contract (snake_case, lower-case roles, epoch seconds) and the graph
 * (camelCase, upper-case enums, ISO-8601). Who may do what, and what is valid, is decided by the users subgraph.
 */

// ---- the graph's shapes: what documents.ts selects, typed by `npm run codegen` ----

type UserNode = Op.UserFieldsFragment;
type AuthPayloadNode = Op.SessionFieldsFragment;
type ApiTokenNode = Op.TokenFieldsFragment;
type AuditEntryNode = Op.AuditEntryFieldsFragment;

// ---- the REST shapes (swaggers/users.yaml), as the request validation guarantees them ----

export interface UserCreateBody {
  name: string;
  email: string;
  role?: Role;
  team?: string;
  password?: string;
}

export interface UserChangesBody {
  name?: string;
  role?: Role;
  team?: string;
  password?: string;
  current_password?: string;
}

export interface PageQuery {
  limit: number;
  cursor?: string;
}

/** Graph argument names whose REST name is not their snake_case form. */
export const FIELD_RENAMES = { first: 'limit', after: 'cursor', ownerId: 'created_by' } as const;

const toGraphRole = (role: Role | undefined): Op.Role | undefined =>
  role?.toUpperCase() as Op.Role | undefined;
const fromGraphRole = (role: Op.Role): Role => role.toLowerCase() as Role;

export const userToRest = (u: UserNode) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: fromGraphRole(u.role),
  team: u.team,
  created_at: epochSeconds(u.createdAt),
  disabled: u.disabled,
});

// JSON.stringify drops `undefined`, so fields the client left out stay out of the GraphQL input.
export const createUserInput = (b: UserCreateBody): Op.CreateUserInput => ({
  name: b.name,
  email: b.email,
  role: toGraphRole(b.role),
  team: b.team,
  password: b.password,
});

export const updateUserInput = (b: UserChangesBody): Op.UpdateUserInput => ({
  name: b.name,
  role: toGraphRole(b.role),
  team: b.team,
  password: b.password,
  currentPassword: b.current_password,
});

/** The reference contract's login answer (`token`, `user_id`) plus the session fields it did not have. */
export const sessionToRest = (p: AuthPayloadNode) => ({
  token: p.accessToken,
  user_id: p.user.id,
  refresh_token: p.refreshToken,
  expires_in: p.expiresIn,
  token_type: p.tokenType,
});

export const apiTokenToRest = (t: ApiTokenNode) => ({
  id: t.id,
  name: t.name,
  role: fromGraphRole(t.role),
  prefix: t.prefix,
  created_at: epochSeconds(t.createdAt),
  created_by: t.ownerId,
  expires_at: epochSecondsOrNull(t.expiresAt),
  last_used_at: epochSecondsOrNull(t.lastUsedAt),
  revoked: t.revoked,
});

export const newApiTokenInput = (b: {
  name: string;
  role: Role;
  expires_at?: number;
}): Op.CreateApiTokenInput => ({
  name: b.name,
  role: toGraphRole(b.role) as Op.Role,
  expiresAt: b.expires_at === undefined ? undefined : new Date(b.expires_at * 1000).toISOString(),
});

export const auditEntryToRest = (e: AuditEntryNode) => ({
  id: e.id,
  type: e.type,
  at: epochSeconds(e.at),
  actor: e.actorId ?? 'anonymous',
  subject: e.subjectId,
  ip: e.ip,
  details: Object.fromEntries(e.details.map((d) => [d.key, d.value])),
});
