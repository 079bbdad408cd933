import { DomainError, type Principal } from '@polystatus/kit';
import { newRefreshToken, parseRefreshToken } from '../crypto/secrets.ts';
import { event, USERS_EVENTS } from '../domain/events.ts';
import { withoutSecret } from '../domain/user.ts';
import type { UsersDeps } from './deps.ts';
import { type AuthResult, accessTokenFor } from './session-tokens.ts';

const refused = (why = 'the refresh token is invalid, expired or revoked') =>
  new DomainError('UNAUTHENTICATED', why);

/**
 * Public: the refresh token is the credential. Each refresh token works once; presenting one that was already
 * rotated away revokes the whole session (both the thief's and the owner's copies stop working) and is audited.
 */
export async function refreshSession(
  deps: UsersDeps,
  principal: Principal,
  refreshToken: string,
): Promise<AuthResult> {
  const parsed = parseRefreshToken(refreshToken ?? '');
  if (!parsed) throw refused();
  const session = await deps.sessions.get(parsed.sid);
  if (!session) throw refused();
  const user = await deps.users.get(session.userId);
  if (!user || user.disabled || session.createdAt < user.sessionsValidAfter) throw refused();

  const at = deps.clock();
  const next = newRefreshToken(parsed.sid);
  const result = await deps.sessions.rotate(parsed.sid, parsed.hash, parseRefreshToken(next)!.hash, at, {
    events: [
      event(
        USERS_EVENTS.sessionRevoked,
        'system:users',
        user.id,
        { sessionId: parsed.sid, reason: 'reuse' },
        at,
      ),
    ],
    audit: [
      {
        type: 'session.reuse_detected',
        actorId: null,
        subjectId: user.id,
        ip: principal.ip ?? null,
        details: { sessionId: parsed.sid },
      },
    ],
  });
  if (result === 'REUSED') {
    deps.logger.warn(
      { userId: user.id, sessionId: parsed.sid },
      'refresh token reuse detected; session revoked',
    );
    throw refused('refresh token reuse detected; the session has been revoked');
  }
  if (result !== 'OK') throw refused();
  const publicUser = withoutSecret(user);
  const access = await accessTokenFor(deps, publicUser, parsed.sid, at);
  return { ...access, refreshToken: next, tokenType: 'Bearer', user: publicUser };
}
