import { notFound, type Principal } from '@polystatus/kit';
import { event, USERS_EVENTS } from '../domain/events.ts';
import type { ApiToken } from '../store/api-token-store.ts';
import { actingAs } from './actor.ts';
import { auditBy } from './audit-by.ts';
import type { UsersDeps } from './deps.ts';

/** Admin only. Takes effect at the next request that presents the token. Revoking twice is a no-op. */
export async function revokeApiToken(deps: UsersDeps, principal: Principal, id: string): Promise<ApiToken> {
  const actor = await actingAs(deps, principal, 'admin');
  const token = await deps.apiTokens.get(id);
  if (!token) throw notFound('API token', id);
  const at = deps.clock();
  const result = await deps.apiTokens.revoke(token, at, {
    events: [event(USERS_EVENTS.tokenRevoked, actor.label, id, { ownerId: token.ownerId }, at)],
    audit: [auditBy(actor, { type: 'token.revoked', subjectId: id, details: { name: token.name } })],
  });
  if (result === 'MISSING') throw notFound('API token', id);
  return (await deps.apiTokens.get(id)) ?? token;
}
