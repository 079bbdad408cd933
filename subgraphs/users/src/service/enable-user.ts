import type { Principal } from '@polystatus/kit';
import { event, USERS_EVENTS } from '../domain/events.ts';
import type { User } from '../domain/user.ts';
import { actingAs } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';
import { changeUser } from './user-change.ts';

/** Admin only. Sessions ended by the disable stay ended; the user logs in again. API tokens work again. */
export async function enableUser(deps: UsersDeps, principal: Principal, id: string): Promise<User> {
  const actor = await actingAs(deps, principal, 'admin');
  return changeUser(deps, id, (user, at) => {
    if (!user.disabled) return null;
    return {
      fields: { disabled: '0' },
      writes: {
        events: [event(USERS_EVENTS.enabled, actor.label, id, {}, at)],
        audit: [auditBy(actor, { type: 'user.enabled', subjectId: id, details: {} })],
      },
    };
  });
}
