import { DomainError, type IntrospectionResponse } from '@polystatus/kit';
import { verifyAccessToken } from '../crypto/access-token.ts';
import { API_TOKEN_PREFIX, sha256 } from '../crypto/secrets.ts';
import { minRole } from '../domain/role-rules.ts';
import type { UsersDeps } from './deps.ts';

/** lastUsedAt is advisory; writing it at most once a minute keeps introspection a read. */
const TOUCH_EVERY_MS = 60_000;

/** Our access tokens are under 1 KB; anything much longer is not one of ours and is not worth parsing. */
const MAX_TOKEN_LENGTH = 4096;

const refused = () => new DomainError('UNAUTHENTICATED', 'the token is invalid, expired or revoked');

/**
 * Who a bearer token stands for right now. Beyond the token itself it checks the present state: the user exists and
 * is enabled, the session was not ended (logout, reuse, disable, password change), the API token is not revoked or
 * expired; the role is the user's current one (for an API token, never above it). So every such change takes effect
 * on the next request.
 */
export async function introspect(deps: UsersDeps, token: string): Promise<IntrospectionResponse> {
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) throw refused();
  return token.startsWith(API_TOKEN_PREFIX)
    ? introspectApiToken(deps, token)
    : introspectAccessToken(deps, token);
}

async function introspectAccessToken(deps: UsersDeps, token: string): Promise<IntrospectionResponse> {
  const now = deps.clock();
  let claims = deps.verifiedTokens.get(token, now);
  if (!claims) {
    claims = await verifyAccessToken(token, (kid) => deps.keyring.publicKey(kid), { now });
    deps.verifiedTokens.set(token, claims);
  }
  // Both reads leave in one round trip (ioredis auto-pipelining).
  const [user, session] = await Promise.all([deps.users.get(claims.sub), deps.sessions.get(claims.sid)]);
  if (!user || user.disabled) throw refused();
  if (!session || session.revoked || session.userId !== user.id) throw refused();
  if (session.createdAt < user.sessionsValidAfter || session.expiresAt <= now) throw refused();
  // The access token dies first unless the session's absolute lifetime ends sooner.
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    expiresAt: Math.min(claims.exp * 1000, session.expiresAt),
  };
}

async function introspectApiToken(deps: UsersDeps, token: string): Promise<IntrospectionResponse> {
  const record = await deps.apiTokens.findByHash(sha256(token));
  const now = deps.clock();
  if (!record || record.revokedAt !== null || (record.expiresAt !== null && record.expiresAt <= now))
    throw refused();
  const owner = await deps.users.get(record.ownerId);
  if (!owner || owner.disabled) throw refused();
  if (record.lastUsedAt === null || now - record.lastUsedAt > TOUCH_EVERY_MS) {
    deps.apiTokens
      .touch(record.id, now)
      .catch((err) => deps.logger.warn({ err }, 'could not record token use'));
  }
  return {
    kind: 'token',
    id: owner.id,
    role: minRole(record.role, owner.role),
    tokenId: record.id,
    ...(record.expiresAt !== null ? { expiresAt: record.expiresAt } : {}),
  };
}
