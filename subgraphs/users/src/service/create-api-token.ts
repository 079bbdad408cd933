import { randomUUID } from 'node:crypto';
import { DomainError, InputCheck, type Principal, type Role } from '@polystatus/kit';
import { displayPrefix, newApiToken, sha256 } from '../crypto/secrets.ts';
import { event, USERS_EVENTS } from '../domain/events.ts';
import { mayGrant } from '../domain/role-rules.ts';
import { checkName, checkRole } from '../domain/validation.ts';
import type { ApiToken } from '../store/api-token-store.ts';
import { actingAs } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';

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
  const check = new InputCheck();
  const name = checkName(check, input.name);
  const role = checkRole(check, input.role);
  const now = deps.clock();
  if (input.expiresAt != null && !(input.expiresAt > now)) check.add('expiresAt', 'must be in the future');
  check.throwIfAny();
  if (!mayGrant(actor.role, role))
    throw new DomainError('FORBIDDEN', `cannot grant a role above your own (${actor.role})`);

  const token = newApiToken();
  const apiToken: ApiToken = {
    id: randomUUID(),
    name,
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
    events: [
      event(USERS_EVENTS.tokenCreated, actor.label, apiToken.id, { name, role, ownerId: actor.id }, now),
    ],
    audit: [auditBy(actor, { type: 'token.created', subjectId: apiToken.id, details: { name, role } })],
  });
  return { token, apiToken };
}
