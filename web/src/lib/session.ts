import type { Role } from '../generated/graphql.ts';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  team: string;
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: SessionUser };

/** A refusal from the session routes, with the gateway's code (UNAUTHENTICATED, RATE_LIMITED …). */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

interface Granted {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** Refresh this long before the access token expires, so requests never carry one about to lapse. */
const EARLY_MS = 60_000;
const LOCK = 'polystatus-session-refresh';

/**
 * The browser side of signing in. The access token lives only in this object's memory (never localStorage, so a
 * script injected later cannot read a stored one); the refresh token is an httpOnly cookie that only the app's
 * session routes see. A reload restores the session with one refresh. Refreshes are serialized across tabs with
 * the Web Locks API, and the server makes one refresh per token, because the users domain treats a refresh token
 * presented twice as stolen and ends the session.
 */
export class Session {
  #state: SessionState = { status: 'restoring' };
  #token: string | null = null;
  #expiresAt = 0;
  #refreshing: Promise<string | null> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getState = (): SessionState => this.#state;

  /** On page load: a refresh cookie from an earlier visit signs the tab in without the password. */
  async restore(): Promise<void> {
    await this.accessToken({ force: true });
  }

  async login(email: string, password: string): Promise<void> {
    this.#accept(await post('/api/session/login', { email, password }));
  }

  async logout(): Promise<void> {
    this.#drop('signed out');
    await post('/api/session/logout', {}).catch(() => undefined);
  }

  /**
   * A token valid for at least a minute more, refreshing first if needed; null when signed out. Every request and
   * every WebSocket connection asks here, so an expired token is replaced before it is sent.
   */
  accessToken(opts: { force?: boolean } = {}): Promise<string | null> {
    if (!opts.force && this.#token && this.now() < this.#expiresAt - EARLY_MS)
      return Promise.resolve(this.#token);
    if (!opts.force && this.#state.status === 'signed-out') return Promise.resolve(null);
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Called when the gateway refused the token (401 / close 4401): one refresh, then signed out if it fails. */
  tokenRejected(): Promise<string | null> {
    this.#token = null;
    return this.accessToken({ force: true });
  }

  async #refresh(): Promise<string | null> {
    const run = async () => {
      try {
        this.#accept(await post('/api/session/refresh', {}));
        return this.#token;
      } catch (err) {
        if (err instanceof SessionError && err.code === 'UNAVAILABLE' && this.#token) return this.#token;
        this.#drop(this.#state.status === 'signed-in' ? 'Your session ended: sign in again.' : undefined);
        return null;
      }
    };
    return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(LOCK, run) : run();
  }

  #accept(granted: Granted) {
    this.#token = granted.accessToken;
    this.#expiresAt = this.now() + granted.expiresIn * 1000;
    this.#set({ status: 'signed-in', user: granted.user });
    clearTimeout(this.#timer);
    // Refreshed in the background too, so a tab left open keeps its subscriptions' next reconnect cheap.
    this.#timer = setTimeout(
      () => void this.accessToken({ force: true }),
      Math.max(5_000, granted.expiresIn * 1000 - EARLY_MS),
    );
  }

  #drop(reason?: string) {
    clearTimeout(this.#timer);
    this.#token = null;
    this.#expiresAt = 0;
    this.#set({ status: 'signed-out', ...(reason ? { reason } : {}) });
  }

  #set(state: SessionState) {
    this.#state = state;
    for (const l of this.#listeners) l();
  }
}

async function post(path: string, body: unknown): Promise<Granted> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new SessionError('The app server is unreachable.', 'UNAVAILABLE');
  }
  const payload = (await res.json().catch(() => ({}))) as Partial<Granted> & {
    errors?: Array<{ message: string; extensions?: { code?: string; retryAfter?: number } }>;
  };
  if (!res.ok || !payload.accessToken) {
    const error = payload.errors?.[0];
    throw new SessionError(
      error?.message ?? `The app server answered ${res.status}.`,
      error?.extensions?.code ?? (res.status >= 500 ? 'UNAVAILABLE' : 'UNAUTHENTICATED'),
      error?.extensions?.retryAfter,
    );
  }
  return payload as Granted;
}
