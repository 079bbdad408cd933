import { DomainError, type Principal } from '@polystatus/kit';
import { event, USERS_EVENTS } from '../domain/events.ts';
import type { User } from '../domain/user.ts';
import { actingAs } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';
import { changeUser } from './user-change.ts';

/**
 * Admin only. Ends every session of the user at once, and introspection refuses the user's API tokens while
 * disabled. An admin cannot disable themselves, nor the last enabled admin.
 */
export async function disableUser(deps: UsersDeps, principal: Principal, id: string): Promise<User> {
  const actor = await actingAs(deps, principal, 'admin');
  if (actor.kind !== 'system' && actor.id === id)
    throw new DomainError('FORBIDDEN', 'admins cannot disable themselves');
  return changeUser(deps, id, (user, at) => {
    if (user.disabled) return null;
    return {
      fields: { disabled: '1', sessionsValidAfter: String(at) },
      writes: {
        events: [event(USERS_EVENTS.disabled, actor.label, id, {}, at)],
        audit: [auditBy(actor, { type: 'user.disabled', subjectId: id, details: {} })],
      },
    };
  });
}
