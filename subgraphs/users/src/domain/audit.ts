/** Security-relevant events kept in the audit log; admins list them with the `auditLog` query. */
export const AUDIT_TYPES = [
  'login.succeeded',
  'login.failed',
  'login.blocked',
  'session.revoked',
  'session.reuse_detected',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.password_changed',
  'user.disabled',
  'user.enabled',
  'token.created',
  'token.revoked',
  'signing_key.rotated',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export interface AuditEntry {
  /** The stream entry id; doubles as the paging cursor. */
  id: string;
  type: AuditType;
  /** Epoch ms. */
  at: number;
  /** Who acted: a user id, `system:<process>`, or null for anonymous attempts such as a failed login. */
  actorId: string | null;
  /** What it is about: a user id, token id or session id. */
  subjectId: string | null;
  ip: string | null;
  /** Small, non-secret facts (old and new role, failure reason); never passwords or tokens. */
  details: Record<string, string>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** Flat field list for XADD; empty values are left out so entries stay small. */
export function auditFields(e: NewAuditEntry, at: number): string[] {
  const f = ['type', e.type, 'at', String(at)];
  if (e.actorId) f.push('actor', e.actorId);
  if (e.subjectId) f.push('subject', e.subjectId);
  if (e.ip) f.push('ip', e.ip);
  f.push('details', JSON.stringify(e.details));
  return f;
}

export function auditFromFields(id: string, fields: string[]): AuditEntry {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(fields[i]!, fields[i + 1]!);
  return {
    id,
    type: m.get('type') as AuditType,
    at: Number(m.get('at')),
    actorId: m.get('actor') ?? null,
    subjectId: m.get('subject') ?? null,
    ip: m.get('ip') ?? null,
    details: JSON.parse(m.get('details') ?? '{}') as Record<string, string>,
  };
}
