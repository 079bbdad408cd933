import { envelopeToFields, newEnvelope } from '@polystatus/kit';
import type { Redis } from 'ioredis';
import { incidentsKeys } from '../keys.ts';

type UserEvent = 'user.created' | 'user.updated' | 'user.role_changed' | 'user.disabled' | 'user.enabled';

/**
 * Appends a users-domain event to `<prefix>:users:events` as the users service would (kit envelope, `subject` =
 * user id), so incidents tests can make users exist, or disable them, without running the users service.
 * Returns the stream entry id.
 */
export async function appendUserEvent(
  redis: Redis,
  prefix: string,
  type: UserEvent,
  userId: string,
  data: Record<string, unknown> = {},
): Promise<string> {
  const envelope = newEnvelope(type, 'system:test', userId, data);
  return (await redis.xadd(incidentsKeys(prefix).usersEvents, '*', ...envelopeToFields(envelope)))!;
}

/** Makes each id an existing, enabled user (role viewer, as reference clients create them). */
export async function createUsers(redis: Redis, prefix: string, ...userIds: string[]): Promise<void> {
  for (const id of userIds) {
    await appendUserEvent(redis, prefix, 'user.created', id, {
      id,
      name: `User ${id}`,
      email: `${id}@example.test`,
      role: 'viewer',
      team: '',
      disabled: false,
      createdAt: new Date().toISOString(),
    });
  }
}
