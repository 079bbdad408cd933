import { DomainError, type Principal } from '@polystatus/kit';
import { parseRefreshToken } from '../crypto/secrets.ts';
import { event, USERS_EVENTS } from '../domain/events.ts';
import type { UsersDeps } from './deps.ts';

/**
 * Public: holding one of the session's refresh tokens is the proof. Ends the session, which also stops its access
 * tokens at the next introspection. Logging out twice is fine.
 */
export async function logout(deps: UsersDeps, principal: Principal, refreshToken: string): Promise<boolean> {
  const parsed = parseRefreshToken(refreshToken ?? '');
  const session = parsed ? await deps.sessions.get(parsed.sid) : null;
  if (!parsed || !session)
    throw new DomainError('UNAUTHENTICATED', 'the refresh token is invalid or expired');
  const at = deps.clock();
  const result = await deps.sessions.revoke(parsed.sid, parsed.hash, 'logout', at, {
    events: [
      event(
        USERS_EVENTS.sessionRevoked,
        session.userId,
        session.userId,
        { sessionId: parsed.sid, reason: 'logout' },
        at,
      ),
    ],
    audit: [
      {
        type: 'session.revoked',
        actorId: session.userId,
        subjectId: session.userId,
        ip: principal.ip ?? null,
        details: { sessionId: parsed.sid, reason: 'logout' },
      },
    ],
  });
  if (result === 'INVALID')
    throw new DomainError('UNAUTHENTICATED', 'the refresh token is invalid or expired');
  return true;
}
