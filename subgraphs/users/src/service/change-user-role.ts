import type { Principal, Role } from '@polystatus/kit';
import type { User } from '../domain/user.ts';
import { actingAs } from './actor.ts';
import type { UsersDeps } from './deps.ts';
import { updateUser } from './update-user.ts';

/** Admin only. Demoting the last enabled admin is refused with CONFLICT. */
export async function changeUserRole(
  deps: UsersDeps,
  principal: Principal,
  id: string,
  role: Role,
): Promise<User> {
  await actingAs(deps, principal, 'admin');
  return updateUser(deps, principal, id, { role });
}
