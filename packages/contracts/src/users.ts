import type { Role } from '@polystatus/kit';
import { z } from 'zod';
import { isoTime } from './envelope.ts';

/**
 * The users domain's events, on `<prefix>:users:events` (`subject` is the user id, or the token id for token
 * events). Producer: subgraphs/users (`src/domain/events.ts`). Consumers: the incidents user directory (who may
 * command), the gateway's realtime sessions (who must be signed out).
 */
export const USERS_EVENTS = {
  created: 'user.created',
  updated: 'user.updated',
  roleChanged: 'user.role_changed',
  disabled: 'user.disabled',
  enabled: 'user.enabled',
  tokenCreated: 'token.created',
  tokenRevoked: 'token.revoked',
  sessionRevoked: 'session.revoked',
} as const;

export type UsersEventType = (typeof USERS_EVENTS)[keyof typeof USERS_EVENTS];

// The kit's ROLES, spelled here so this package loads without the kit's runtime; a test keeps them equal.
const role = z.enum(['viewer', 'responder', 'manager', 'admin'] as const satisfies readonly Role[]);

/** What consumers see of a user: never a secret (no password hash, no session state). */
const userSnapshot = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
  role,
  team: z.string(),
  disabled: z.boolean(),
  createdAt: isoTime,
});

export const USERS_EVENT_DATA = {
  [USERS_EVENTS.created]: userSnapshot,
  /**
   * The names of the fields that changed; `password` ends every session of the user. A changed name or team also
   * comes with its new value, so consumers that show people (the incidents timeline) need not ask the users service.
   */
  [USERS_EVENTS.updated]: z.strictObject({
    fields: z.array(z.enum(['name', 'team', 'role', 'password'])).min(1),
    name: z.string().optional(),
    team: z.string().optional(),
  }),
  [USERS_EVENTS.roleChanged]: z.strictObject({ from: role, to: role }),
  [USERS_EVENTS.disabled]: z.strictObject({}),
  [USERS_EVENTS.enabled]: z.strictObject({}),
  [USERS_EVENTS.tokenCreated]: z.strictObject({ name: z.string(), role, ownerId: z.string().min(1) }),
  [USERS_EVENTS.tokenRevoked]: z.strictObject({ ownerId: z.string().min(1) }),
  [USERS_EVENTS.sessionRevoked]: z.strictObject({
    sessionId: z.string().min(1),
    reason: z.enum(['logout', 'reuse']),
  }),
} as const satisfies Record<UsersEventType, z.ZodType>;

export type UsersEventData<T extends UsersEventType> = z.infer<(typeof USERS_EVENT_DATA)[T]>;
