import { randomUUID } from 'node:crypto';
import { DomainError, type Principal, type Role } from '@polystatus/kit';
import { displayPrefix, newApiToken, sha256 } from '../crypto/secrets.ts';
import { mayGrant } from '../domain/role-rules.ts';
import { Checker, MAX_NAME } from '../domain/validation.ts';
import type { ApiToken } from '../store/api-token-store.ts';
import { actingAs } from './actor.ts';
import type { UsersDeps } from './deps.ts';
import { auditBy, event } from './events.ts';

export interface CreateApiTokenInput {
  name: string;
  role: Role;
  /** Epoch ms; absent means the token lives until revoked. */
  expiresAt?: number | null;
}

/**
 * Admin only (API tokens are managed by admins per the access matrix). The token is returned here and only here;
 * the store keeps its SHA-256. A token can never be granted a role above its creator's.
 */
export async function createApiToken(
  deps: UsersDeps,
  principal: Principal,
  input: CreateApiTokenInput,
): Promise<{ token: string; apiToken: ApiToken }> {
  const actor = await actingAs(deps, principal, 'admin');
  if (actor.kind === 'token') throw new DomainError('FORBIDDEN', 'API tokens cannot create API tokens');
  const check = new Checker();
  const name = check.name(input.name ?? '', 'name');
  const role = check.role(input.role);
  const now = deps.now();
  if (input.expiresAt != null && !(input.expiresAt > now)) check.add('expiresAt', 'must be in the future');
  check.done();
  if (!mayGrant(actor.role, role))
    throw new DomainError('FORBIDDEN', `cannot grant a role above your own (${actor.role})`);

  const token = newApiToken();
  const apiToken: ApiToken = {
    id: randomUUID(),
    name: name.slice(0, MAX_NAME),
    prefix: displayPrefix(token),
    role,
    ownerId: actor.id,
    tokenHash: sha256(token),
    createdAt: now,
    expiresAt: input.expiresAt ?? null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.apiTokens.create(apiToken, {
    events: [event('token.created', actor.label, apiToken.id, { name, role, ownerId: actor.id }, now)],
    audit: [auditBy(actor, { type: 'token.created', subjectId: apiToken.id, details: { name, role } })],
  });
  return { token, apiToken };
}
