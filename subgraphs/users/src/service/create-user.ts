import { randomUUID } from 'node:crypto';
import { conflict, InputCheck, type Principal, type Role } from '@polystatus/kit';
import { event, USERS_EVENTS, userSnapshot } from '../domain/events.ts';
import { type User, type UserWithSecret, withoutSecret } from '../domain/user.ts';
import { checkEmail, checkName, checkNewPassword, checkRole, checkTeam } from '../domain/validation.ts';
import { actingAs } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';

export interface CreateUserInput {
  name: string;
  email: string;
  role?: Role | null;
  team?: string | null;
  /** Optional: a user without one exists (and can own incidents) but cannot log in until a password is set. */
  password?: string | null;
}

/** Admin only. The email must be unused, compared case-insensitively. */
export async function createUser(
  deps: UsersDeps,
  principal: Principal,
  input: CreateUserInput,
): Promise<User> {
  const actor = await actingAs(deps, principal, 'admin');
  return insertUser(deps, actor.label, input, (u) => [
    auditBy(actor, { type: 'user.created', subjectId: u.id, details: { role: u.role } }),
  ]);
}

/** Validates and stores a new user; shared with the first-start bootstrap, which has no acting principal. */
export async function insertUser(
  deps: UsersDeps,
  actorLabel: string,
  input: CreateUserInput,
  audit: (u: User) => ReturnType<typeof auditBy>[],
): Promise<User> {
  const check = new InputCheck();
  const name = checkName(check, input.name);
  const email = checkEmail(check, input.email);
  const team = checkTeam(check, input.team);
  const role = checkRole(check, input.role ?? 'viewer');
  if (input.password != null) checkNewPassword(check, input.password, { email, name });
  check.throwIfAny();

  const now = deps.clock();
  const user: UserWithSecret = {
    id: randomUUID(),
    name,
    email,
    role,
    team,
    createdAt: now,
    updatedAt: now,
    disabled: false,
    hasPassword: input.password != null,
    passwordHash: input.password != null ? await deps.hasher.hash(input.password) : null,
    version: 1,
    sessionsValidAfter: 0,
  };
  const created = withoutSecret(user);
  const ok = await deps.users.create(user, {
    events: [event(USERS_EVENTS.created, actorLabel, user.id, userSnapshot(created), now)],
    audit: audit(created),
  });
  if (!ok)
    throw conflict(`a user with email ${email} already exists`, [
      { field: 'email', issue: 'is already in use' },
    ]);
  return created;
}
