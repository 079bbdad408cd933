import { signAccessToken } from '../crypto/access-token.ts';
import { newRefreshToken, newSessionId, parseRefreshToken } from '../crypto/secrets.ts';
import type { NewAuditEntry } from '../domain/audit.ts';
import type { User } from '../domain/user.ts';
import type { UsersDeps } from './deps.ts';

/** What login and refresh hand back. */
export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
  user: User;
}

export async function accessTokenFor(deps: UsersDeps, user: User, sid: string, at: number) {
  const key = await deps.keyring.signingKey();
  const ttl = deps.settings.accessTokenTtlSeconds;
  const { token } = await signAccessToken({ sub: user.id, role: user.role, sid }, key, {
    ttlSeconds: ttl,
    now: at,
  });
  return { accessToken: token, expiresIn: ttl };
}

/** Opens a session (a new refresh-token family) and issues its first pair of tokens. */
export async function openSession(deps: UsersDeps, user: User, audit: NewAuditEntry[]): Promise<AuthResult> {
  const at = deps.clock();
  const sid = newSessionId();
  const refreshToken = newRefreshToken(sid);
  const hash = parseRefreshToken(refreshToken)!.hash;
  const session = {
    id: sid,
    userId: user.id,
    createdAt: at,
    expiresAt: at + deps.settings.refreshTokenTtlSeconds * 1000,
    revoked: false,
  };
  // The token is signed before the session is stored: a signing failure then leaves no orphan session behind.
  const access = await accessTokenFor(deps, user, sid, at);
  await deps.sessions.create(session, hash, { events: [], audit });
  return { ...access, refreshToken, tokenType: 'Bearer', user };
}
