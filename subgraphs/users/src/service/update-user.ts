import { DomainError, InputCheck, notFound, type Principal, type Role } from '@polystatus/kit';
import type { NewAuditEntry } from '../domain/audit.ts';
import { event, USERS_EVENTS, type UserChangedField } from '../domain/events.ts';
import type { User } from '../domain/user.ts';
import { checkName, checkNewPassword, checkRole, checkTeam } from '../domain/validation.ts';
import { type Actor, actingAs } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';
import { type ComputedChange, changeUser } from './user-change.ts';

export interface UpdateUserInput {
  name?: string | null;
  team?: string | null;
  role?: Role | null;
  password?: string | null;
  /** Required when people change their own password: a stolen session alone must not be enough to take the account. */
  currentPassword?: string | null;
}

/**
 * Admins update anyone. Others may change their own name, team and password, never a role (not even to the one they
 * hold: a request naming a different role is refused with FORBIDDEN, the same role is accepted as a no-op). A new
 * password ends every session of the user.
 */
export async function updateUser(
  deps: UsersDeps,
  principal: Principal,
  id: string,
  input: UpdateUserInput,
): Promise<User> {
  return updateUserAs(deps, await actingAs(deps, principal, 'viewer'), id, input);
}

/** The update itself, for an actor already resolved (changeUserRole resolves it as an admin first). */
export async function updateUserAs(
  deps: UsersDeps,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
): Promise<User> {
  const self = actor.kind !== 'system' && actor.id === id;
  const admin = actor.role === 'admin';
  if (!self && !admin) throw new DomainError('FORBIDDEN', 'only admins can update other users');

  const current = await deps.users.get(id);
  if (!current) throw notFound('user', id);
  // Access before validation: a refused caller learns nothing about what else was wrong with the request.
  if (!admin && input.role != null && input.role !== current.role) {
    throw new DomainError('FORBIDDEN', 'only admins can change roles');
  }

  const check = new InputCheck();
  const name = input.name != null ? checkName(check, input.name) : undefined;
  const team = input.team != null ? checkTeam(check, input.team) : undefined;
  const role = input.role != null ? checkRole(check, input.role) : undefined;
  if (input.password != null)
    checkNewPassword(check, input.password, { email: current.email, name: name ?? current.name });
  check.throwIfAny();

  if (input.password != null && self && current.passwordHash) {
    const proven =
      input.currentPassword != null &&
      (await deps.hasher.verify(current.passwordHash, input.currentPassword));
    if (!proven) {
      throw new DomainError('FORBIDDEN', 'the current password is required to set a new one', {
        details: [{ field: 'currentPassword', issue: 'does not match' }],
      });
    }
  }
  // Hash once, outside the retry loop: Argon2 is deliberately slow.
  const passwordHash = input.password != null ? await deps.hasher.hash(input.password) : undefined;

  return changeUser(deps, id, (user, at): ComputedChange | null => {
    const fields: ComputedChange['fields'] = {};
    const changed: UserChangedField[] = [];
    if (name !== undefined && name !== user.name) {
      fields.name = name;
      changed.push('name');
    }
    if (team !== undefined && team !== user.team) {
      fields.team = team;
      changed.push('team');
    }
    if (role !== undefined && role !== user.role) {
      if (!admin) throw new DomainError('FORBIDDEN', 'only admins can change roles');
      fields.role = role;
      changed.push('role');
    }
    if (passwordHash) {
      fields.passwordHash = passwordHash;
      fields.sessionsValidAfter = String(at);
      changed.push('password');
    }
    if (changed.length === 0) return null;

    const audit: NewAuditEntry[] = [];
    const updated = {
      fields: changed,
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.team !== undefined ? { team: fields.team } : {}),
    };
    const events = [event(USERS_EVENTS.updated, actor.label, id, updated, at)];
    if (fields.role) {
      events.push(
        event(USERS_EVENTS.roleChanged, actor.label, id, { from: user.role, to: fields.role as Role }, at),
      );
      audit.push(
        auditBy(actor, {
          type: 'user.role_changed',
          subjectId: id,
          details: { from: user.role, to: fields.role },
        }),
      );
    }
    if (passwordHash)
      audit.push(auditBy(actor, { type: 'user.password_changed', subjectId: id, details: {} }));
    const other = changed.filter((f) => f !== 'role' && f !== 'password');
    if (other.length)
      audit.push(
        auditBy(actor, { type: 'user.updated', subjectId: id, details: { fields: other.join(',') } }),
      );
    return { fields, writes: { events, audit } };
  });
}
