import type { NewAuditEntry } from '../domain/audit.ts';
import type { Actor } from './actor.ts';

/** An audit entry made by `actor`, who is named and located the way every audit entry names them. */
export const auditBy = (actor: Actor, entry: Omit<NewAuditEntry, 'actorId' | 'ip'>): NewAuditEntry => ({
  ...entry,
  actorId: actor.label,
  ip: actor.ip,
});
