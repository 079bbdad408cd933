import { createHash } from 'node:crypto';

/**
 * Refresh tokens are single use, and presenting one already rotated away ends the whole session (the users
 * domain's reuse detection). Two tabs reloading together send the same cookie at once, so this server makes
 * one refresh per token: concurrent requests share the call in flight, and a request that arrives a little later
 * with the token just rotated gets the same answer (for `graceMs`) instead of tripping reuse detection.
 *
 * It lives in this process: with several web replicas behind a balancer, route a session to one replica (sticky)
 * or the race is back. Keys are SHA-256 of the token, never the token.
 */
export class RefreshSingleFlight<T> {
  readonly #inFlight = new Map<string, Promise<T>>();
  readonly #recent = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly graceMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  run(token: string, refresh: () => Promise<T>): Promise<T> {
    const key = createHash('sha256').update(token).digest('hex');
    this.#sweep();
    const recent = this.#recent.get(key);
    if (recent) return Promise.resolve(recent.value);
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const call = refresh().then((value) => {
      this.#recent.set(key, { value, until: this.now() + this.graceMs });
      return value;
    });
    this.#inFlight.set(key, call);
    const forget = () => this.#inFlight.delete(key);
    call.then(forget, forget);
    return call;
  }

  #sweep() {
    const now = this.now();
    for (const [key, entry] of this.#recent) if (entry.until <= now) this.#recent.delete(key);
  }
}
