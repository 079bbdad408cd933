import type { Principal, Role } from '@polystatus/kit';
import type { User } from '../domain/user.ts';
import { actingAs } from './actor.ts';
import type { UsersDeps } from './deps.ts';
import { updateUserAs } from './update-user.ts';

/** Admin only. Demoting the last enabled admin is refused with CONFLICT. */
export async function changeUserRole(
  deps: UsersDeps,
  principal: Principal,
  id: string,
  role: Role,
): Promise<User> {
  return updateUserAs(deps, await actingAs(deps, principal, 'admin'), id, { role });
}
