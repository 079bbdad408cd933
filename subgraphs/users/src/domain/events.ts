import { USERS_EVENTS, type UsersEventData, type UsersEventType } from '@polystatus/contracts';
import { type EventEnvelope, newEnvelope } from '@polystatus/kit';
import type { User } from './user.ts';

/** The names and payloads are the users contract in packages/contracts; this domain only builds envelopes. */
export { USERS_EVENTS, type UsersEventType };

/**
 * An event for `<prefix>:users:events`; `data` must be exactly what the contract declares for `type`. The result
 * only travels to the stream, so its data is not kept typed (one change may write events of several types).
 */
export const event = <T extends UsersEventType>(
  type: T,
  actor: string,
  subject: string,
  data: UsersEventData<T>,
  at: number,
): EventEnvelope<unknown> => newEnvelope(type, actor, subject, data, new Date(at));

/** A field `user.updated` may name. */
export type UserChangedField = UsersEventData<typeof USERS_EVENTS.updated>['fields'][number];

/** What consumers of user events see of a user: never a secret. */
export const userSnapshot = (u: User): UsersEventData<typeof USERS_EVENTS.created> => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  team: u.team,
  disabled: u.disabled,
  createdAt: new Date(u.createdAt).toISOString(),
});
