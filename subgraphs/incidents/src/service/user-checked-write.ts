import { DomainError } from '@polystatus/kit';
import { checkRoleHolder } from '../domain/roles.ts';
import type { WriteResult } from '../store/incident-store.ts';
import type { IncidentsDeps } from './deps.ts';

/** Retries of a write that met new users events; each one needs users to change within a millisecond again. */
const MAX_ATTEMPTS = 5;

/**
 * A write that names a user (role holder, action item owner), who must be an existing, enabled user. The
 * directory is caught up and checked first (a refusal names `field` and writes nothing); the script re-checks
 * atomically and answers `directory_behind` when users events landed in between, and the write is tried again.
 * `userId` null: no user to check.
 */
export async function userCheckedWrite(
  deps: IncidentsDeps,
  userId: string | null,
  field: string,
  write: () => Promise<WriteResult>,
): Promise<WriteResult> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (userId !== null) checkRoleHolder(await deps.users.standing(userId), field);
    const result = await write();
    if (result.outcome !== 'directory_behind' && result.outcome !== 'user_refused') return result;
  }
  throw new DomainError('UNAVAILABLE', 'users are changing too fast to confirm the user; try again', {
    retryAfter: 1,
  });
}
