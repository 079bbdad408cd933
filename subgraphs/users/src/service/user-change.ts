import { conflict, DomainError, notFound } from '@polystatus/kit';
import { adminMembership } from '../domain/role-rules.ts';
import { type User, type UserWithSecret, withoutSecret } from '../domain/user.ts';
import type { StreamWrites } from '../store/stream-writes.ts';
import type { UsersDeps } from './deps.ts';

/** What a verb wants changed on a user, computed from the user as currently stored. */
export interface ComputedChange {
  fields: Partial<
    Record<'name' | 'team' | 'role' | 'disabled' | 'passwordHash' | 'sessionsValidAfter', string>
  >;
  writes: StreamWrites;
}

const MAX_ATTEMPTS = 5;

/**
 * Read → compute → write-if-unchanged, retried when another writer got there first. `compute` sees the freshest
 * user on each attempt and returns null when there is nothing to do.
 */
export async function changeUser(
  deps: UsersDeps,
  id: string,
  compute: (user: UserWithSecret, at: number) => ComputedChange | null,
): Promise<User> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const user = await deps.users.get(id);
    if (!user) throw notFound('user', id);
    const at = deps.clock();
    const change = compute(user, at);
    if (!change) return withoutSecret(user);
    const after = {
      role: (change.fields.role as User['role'] | undefined) ?? user.role,
      disabled: change.fields.disabled === undefined ? user.disabled : change.fields.disabled === '1',
    };
    const { membership, guardLastAdmin } = adminMembership(user, after);
    const result = await deps.users.apply({
      id,
      expectedVersion: user.version,
      fields: { ...change.fields, updatedAt: String(at) },
      adminMembership: membership,
      guardLastAdmin,
      writes: change.writes,
      at,
    });
    if (result === 'OK') {
      const updated = await deps.users.get(id);
      if (!updated) throw notFound('user', id);
      return withoutSecret(updated);
    }
    if (result === 'MISSING') throw notFound('user', id);
    if (result === 'LAST_ADMIN') {
      throw conflict('this would leave no enabled admin', [
        { field: 'role', issue: 'the last enabled admin cannot be demoted or disabled' },
      ]);
    }
  }
  throw new DomainError('CONFLICT', 'the user is being changed concurrently; try again');
}
