import { type Authenticator, DomainError, type Logger, type Principal } from '@polystatus/kit';
import { CLOSE } from './close-codes.ts';
import type { StreamEvent } from './source.ts';

/** One authenticated socket: the raw credential is kept so it can be checked again later. */
export interface Session {
  authorization: string | undefined;
  principal: Principal;
  close(code: number, reason: string): void;
  /** Fires when the credential expires (see `watchExpiry`). */
  expiry?: NodeJS.Timeout;
}

/** setTimeout's longest delay; a credential expiring later is checked again when this one fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The users-domain events after which a principal may no longer be what it was. */
export const ACCESS_EVENTS = new Set([
  'user.disabled',
  'user.role_changed',
  'session.revoked',
  'token.revoked',
]);

/**
 * Keeps every socket's credential honest after `connection_init`: a token that expires or is revoked, a user
 * who is disabled or changes role, ends the socket's subscriptions. Checked on a timer (expiry) and on the
 * users domain's events (revocation), by authenticating again with the same Authenticator the gateway uses.
 */
export class Sessions {
  private readonly sessions = new Set<Session>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly logger: Logger,
    private readonly recheckMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.recheck(() => true), this.recheckMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Authenticates `connection_init`. UNAUTHENTICATED when a credential was sent and does not verify. */
  async open(authorization: string | undefined, close: Session['close']): Promise<Session> {
    const principal = await this.authenticator.authenticate(authorization);
    const session: Session = { authorization, principal, close };
    this.sessions.add(session);
    this.watchExpiry(session);
    return session;
  }

  forget(session: Session): void {
    clearTimeout(session.expiry);
    this.sessions.delete(session);
  }

  /** Re-checks the session the moment its credential expires, so an expired token stops at once. */
  private watchExpiry(session: Session): void {
    clearTimeout(session.expiry);
    const at = session.principal.expiresAt;
    if (at === undefined) return;
    session.expiry = setTimeout(
      () => void this.check(session),
      Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS),
    );
    session.expiry.unref();
  }

  /** A users-domain event: re-check the sockets it may concern (all of them when it names no user or token). */
  onUsersEvent(event: StreamEvent): void {
    if (!ACCESS_EVENTS.has(event.envelope.type)) return;
    const data = event.envelope.data;
    const ids = new Set(
      [event.envelope.subject, data.userId, data.ownerId, data.tokenId].filter(
        (v): v is string => typeof v === 'string',
      ),
    );
    const concerned = (s: Session) =>
      (s.principal.id !== null && ids.has(s.principal.id)) ||
      (s.principal.tokenId !== undefined && ids.has(s.principal.tokenId));
    const any = [...this.sessions].some(concerned);
    // A session revocation may name only the session, which principals do not carry: check every socket.
    void this.recheck(any ? concerned : () => true);
  }

  async recheck(which: (s: Session) => boolean): Promise<void> {
    const targets = [...this.sessions].filter((s) => s.authorization !== undefined && which(s));
    await Promise.all(targets.map((s) => this.check(s)));
  }

  private async check(session: Session): Promise<void> {
    let now: Principal;
    try {
      now = await this.authenticator.authenticate(session.authorization);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'UNAUTHENTICATED') {
        // The users service being down is not the token being bad: keep the socket, try again next time.
        this.logger.warn({ err }, 'could not re-check a realtime session');
        return;
      }
      this.forget(session);
      session.close(CLOSE.UNAUTHORIZED, 'Unauthorized: the token expired or was revoked');
      return;
    }
    if (now.role !== session.principal.role || now.id !== session.principal.id) {
      this.forget(session);
      session.close(CLOSE.ACCESS_CHANGED, 'Forbidden: access changed; reconnect');
      return;
    }
    // Still valid (a timer that fired early, or a credential renewed under the same token): watch again.
    if (now.expiresAt !== session.principal.expiresAt) {
      session.principal = now;
      this.watchExpiry(session);
    }
  }
}
