import { fieldError } from '@polystatus/kit';

/** What the incidents domain knows of a user, from the users domain's events. */
export type UserStanding = 'enabled' | 'disabled' | 'unknown';

/**
 * Any enabled user may command an incident, whatever their role (reference clients create viewers and assign
 * them). A ghost id would later resolve to a `User` the users subgraph cannot return.
 */
export function checkCommander(standing: UserStanding): void {
  if (standing === 'enabled') return;
  throw fieldError('commanderId', standing === 'disabled' ? 'user is disabled' : 'no such user');
}
