import { isRole } from '@polystatus/kit';
import type { UserWithSecret } from '../domain/user.ts';

/** Hash fields of `users:user:<id>`. Numbers are stored as decimal strings, booleans as '1'/'0'. */
export function userToFields(u: UserWithSecret): string[] {
  const f = [
    'id',
    u.id,
    'name',
    u.name,
    'email',
    u.email,
    'role',
    u.role,
    'team',
    u.team,
    'createdAt',
    String(u.createdAt),
    'updatedAt',
    String(u.updatedAt),
    'disabled',
    u.disabled ? '1' : '0',
    'version',
    String(u.version),
    'sessionsValidAfter',
    String(u.sessionsValidAfter),
  ];
  if (u.passwordHash) f.push('passwordHash', u.passwordHash);
  return f;
}

export function userFromHash(h: Record<string, string>): UserWithSecret | null {
  if (!h.id || !isRole(h.role)) return null;
  return {
    id: h.id,
    name: h.name ?? '',
    email: h.email ?? '',
    role: h.role,
    team: h.team ?? '',
    createdAt: Number(h.createdAt),
    updatedAt: Number(h.updatedAt ?? h.createdAt),
    disabled: h.disabled === '1',
    hasPassword: Boolean(h.passwordHash),
    passwordHash: h.passwordHash || null,
    version: Number(h.version ?? 0),
    sessionsValidAfter: Number(h.sessionsValidAfter ?? 0),
  };
}
