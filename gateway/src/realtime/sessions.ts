import { USERS_EVENTS } from '@polystatus/contracts';
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

/** Never re-check sooner than this, so a credential the authenticator still accepts at its expiry cannot spin. */
const MIN_TIMER_MS = 100;

/** Re-authentications in flight at once during a sweep. */
const RECHECK_CONCURRENCY = 8;

/** A password change ends every session of the user (sessionsValidAfter), so it is an access event too. */
function isAccessEvent(event: StreamEvent): boolean {
  const { type, data } = event.envelope;
  if (ACCESS_EVENTS.has(type)) return true;
  return type === USERS_EVENTS.updated && Array.isArray(data.fields) && data.fields.includes('password');
}

/** setTimeout's longest delay; a credential expiring later is checked again when this one fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The users-domain events after which a principal may no longer be what it was. */
export const ACCESS_EVENTS: ReadonlySet<string> = new Set([
  USERS_EVENTS.disabled,
  USERS_EVENTS.roleChanged,
  USERS_EVENTS.sessionRevoked,
  USERS_EVENTS.tokenRevoked,
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
      Math.min(Math.max(at - Date.now(), MIN_TIMER_MS), MAX_TIMER_MS),
    );
    session.expiry.unref();
  }

  /** A users-domain event: re-check the sockets it concerns (all of them only when it names no user or token). */
  onUsersEvent(event: StreamEvent): void {
    if (!isAccessEvent(event)) return;
    // The users contract: `subject` is the user, or the token for token events, which name their owner too.
    const ids = new Set(
      [event.envelope.subject, event.envelope.data.ownerId].filter(
        (v): v is string => typeof v === 'string' && v !== '',
      ),
    );
    // Every users event names its user or token; re-checking every socket is for the odd one that names neither,
    // so that a logout in one process never makes each process re-authenticate all of its sockets.
    const concerned =
      ids.size === 0
        ? () => true
        : (s: Session) =>
            (s.principal.id !== null && ids.has(s.principal.id)) ||
            (s.principal.tokenId !== undefined && ids.has(s.principal.tokenId));
    void this.recheck(concerned);
  }

  /** Re-authenticates the matching sockets, a few at a time, so a sweep never floods the users service. */
  async recheck(which: (s: Session) => boolean): Promise<void> {
    const targets = [...this.sessions].filter((s) => s.authorization !== undefined && which(s));
    let next = 0;
    const worker = async () => {
      while (next < targets.length) await this.check(targets[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(RECHECK_CONCURRENCY, targets.length) }, worker));
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
    // Still valid: a timer capped below a far expiry fired early, or the credential was renewed. Watch again.
    session.principal = now;
    this.watchExpiry(session);
  }
}
