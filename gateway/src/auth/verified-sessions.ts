import { USERS_EVENTS } from '@polystatus/contracts';
import {
  type Authenticator,
  ExpiringCache,
  envelopeFromFields,
  FreshRead,
  isServiceAuthorization,
  type Logger,
  type Principal,
  type Redis,
} from '@polystatus/kit';
import { compareStreamIds } from '../realtime/stream-id.ts';

export interface VerifiedSessionsOptions {
  /** What answers a credential this cache does not hold (the users-service introspection, in the gateway). */
  inner: Authenticator;
  /** A non-blocking connection; the users domain's event stream is read with it. */
  redis: Redis;
  /** The users domain's event stream key (`<prefix>:users:events`). */
  usersStream: string;
  /**
   * The stream's newest entry id as of no earlier than `since` (performance.now()): the gateway's StreamHeads, so
   * one pipeline serves authentication and the response cache. By default one XREVRANGE of its own.
   */
  newestId?: (since: number) => Promise<string>;
  logger?: Logger;
  /** Longest a verified credential is trusted without asking again, whatever its expiry (default 60 s). */
  maxTrustMs?: number;
  maxEntries?: number;
}

interface Trusted {
  principal: Principal;
  until: number;
}

/** Longest a verified credential is trusted without asking the users service again, by default. */
export const MAX_TRUST_MS = 60_000;
/** After the stream cannot be read, skip the cache (ask every time) for this long before trying again. */
const BYPASS_MS = 5_000;
/** Events read per XRANGE while catching up. */
const PAGE = 500;

/**
 * Authenticates each credential once, then trusts the answer until the credential expires, `maxTrustMs` passes,
 * or the users domain publishes an event about its user or token — whichever comes first. Every revocation
 * (logout, refresh-token reuse, disable, role change, password change, API token revoked) is written to the users
 * event stream in the same atomic step as the change itself, so the stream is the list of what may have changed.
 *
 * "Refused on the next request" holds strictly, not eventually: before any cached answer is used, the stream's
 * newest entry is compared with the last one applied (one XREVRANGE, shared by all the requests that arrived
 * before it was sent), and the entries in between are applied first. A revocation committed before a request
 * arrived is therefore always applied before that request is answered. The introspection round trip to the users
 * service (about 0.85 ms of CPU across processes per request, docs/performance.md) is paid once per credential
 * per `maxTrustMs` instead of once per request.
 *
 * If the stream cannot be read, the cache is bypassed (every request asks `inner`, as before) rather than trusted.
 */
export class VerifiedSessions implements Authenticator {
  private readonly cache: ExpiringCache<Trusted>;
  private readonly maxTrustMs: number;
  /** The newest users event applied; '' until the stream was first read. */
  private applied = '';
  /** Bumped by every applied event that evicted something: an answer obtained across one is not cached. */
  private generation = 0;
  /** Catching up with the stream: concurrent requests share one check, never one sent before they came. */
  private readonly catchUp = new FreshRead(() => this.sync());
  private bypassUntil = 0;

  constructor(private readonly opts: VerifiedSessionsOptions) {
    this.maxTrustMs = opts.maxTrustMs ?? MAX_TRUST_MS;
    this.cache = new ExpiringCache<Trusted>((t) => t.until, opts.maxEntries ?? 10_000);
  }

  async authenticate(authorization: string | undefined, arrivedAt?: number): Promise<Principal> {
    // Service credentials and anonymity are checked locally already; nothing to save there.
    if (!authorization || isServiceAuthorization(authorization))
      return this.opts.inner.authenticate(authorization);
    if (!(await this.current(arrivedAt))) return this.opts.inner.authenticate(authorization);
    const trusted = this.cache.get(authorization);
    if (trusted) return trusted.principal;
    const generation = this.generation;
    const principal = await this.opts.inner.authenticate(authorization);
    // An event applied meanwhile may concern this credential; the answer stands for this request only.
    if (generation === this.generation && this.applied !== '') {
      const until = Math.min(principal.expiresAt ?? Number.POSITIVE_INFINITY, Date.now() + this.maxTrustMs);
      this.cache.set(authorization, { principal: Object.freeze(principal), until });
    }
    return principal;
  }

  /** How many credentials are trusted right now (for tests and metrics). */
  get size(): number {
    return this.cache.size;
  }

  /**
   * Resolves true once every users event committed before the call was applied; false when the stream cannot be
   * read (the caller then asks `inner`). Concurrent callers share one check, but never one sent before they came.
   */
  private async current(arrivedAt?: number): Promise<boolean> {
    if (Date.now() < this.bypassUntil) return false;
    try {
      await this.catchUp.get(arrivedAt);
      return true;
    } catch (err) {
      if (Date.now() >= this.bypassUntil) {
        this.opts.logger?.warn({ err }, 'cannot read the users event stream: authenticating every request');
      }
      this.bypassUntil = Date.now() + BYPASS_MS;
      this.cache.clear();
      this.applied = '';
      return false;
    }
  }

  private async sync(): Promise<void> {
    const { redis, usersStream } = this.opts;
    const startedAt = performance.now();
    const newest = this.opts.newestId
      ? await this.opts.newestId(startedAt)
      : ((await redis.xrevrange(usersStream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0');
    if (this.applied === '') {
      // First read (or after an outage): nothing is cached yet, so nothing before this point can concern us.
      this.applied = newest;
      return;
    }
    if (compareStreamIds(newest, this.applied) <= 0) return;
    if (await this.trimmedSince(this.applied)) {
      // Events after the last one applied were trimmed away unread: what they said is unknown, so forget all.
      this.forgetAll(newest);
      return;
    }
    for (;;) {
      const entries = (await redis.xrange(usersStream, `(${this.applied}`, '+', 'COUNT', PAGE)) as [
        string,
        string[],
      ][];
      if (entries.length === 0) {
        this.forgetAll(newest);
        return;
      }
      for (const [id, fields] of entries) {
        this.apply(fields);
        this.applied = id;
      }
      if (entries.length < PAGE || compareStreamIds(this.applied, newest) >= 0) return;
    }
  }

  /** True when the stream lost entries (capped) and its oldest kept one is after `afterId`. Only read when behind. */
  private async trimmedSince(afterId: string): Promise<boolean> {
    const info = (await this.opts.redis.xinfo('STREAM', this.opts.usersStream)) as unknown[];
    const field = (name: string) => info[info.indexOf(name) + 1];
    const first = (field('first-entry') as [string, string[]] | null)?.[0];
    const trimmed = Number(field('entries-added')) > Number(field('length'));
    return trimmed && first !== undefined && compareStreamIds(afterId, first) < 0;
  }

  private forgetAll(newest: string): void {
    this.cache.clear();
    this.generation++;
    this.applied = newest;
  }

  /** Any event naming a user or token drops what is trusted for it; a few harmless ones (renames) cost a re-check. */
  private apply(fields: string[]): void {
    let envelope: ReturnType<typeof envelopeFromFields>;
    try {
      envelope = envelopeFromFields(fields);
    } catch {
      this.forgetAll(this.applied);
      return;
    }
    if (envelope.type === USERS_EVENTS.created || envelope.type === USERS_EVENTS.tokenCreated) return;
    const ids = new Set(
      [envelope.subject, (envelope.data as { ownerId?: unknown }).ownerId].filter(
        (v): v is string => typeof v === 'string' && v !== '',
      ),
    );
    this.generation++;
    if (ids.size === 0) {
      this.cache.clear();
      return;
    }
    this.cache.deleteWhere(
      ({ principal: p }) =>
        (p.id !== null && ids.has(p.id)) || (p.tokenId !== undefined && ids.has(p.tokenId)),
    );
  }
}
