import { newEnvelope } from '@polystatus/kit';
import type { NewAuditEntry } from '../domain/audit.ts';
import type { User } from '../domain/user.ts';
import type { Actor } from './actor.ts';

/** Event types on `<prefix>:users:events`. */
export type UsersEventType =
  | 'user.created'
  | 'user.updated'
  | 'user.role_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'token.created'
  | 'token.revoked'
  | 'session.revoked';

export const event = (type: UsersEventType, actor: string, subject: string, data: object, at: number) =>
  newEnvelope(type, actor, subject, data, new Date(at));

/** What consumers of user events see of a user: never a secret. */
export const userSnapshot = (u: User) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  team: u.team,
  disabled: u.disabled,
  createdAt: new Date(u.createdAt).toISOString(),
});

export const auditBy = (actor: Actor, entry: Omit<NewAuditEntry, 'actorId' | 'ip'>): NewAuditEntry => ({
  ...entry,
  actorId: actor.label,
  ip: actor.ip,
});
