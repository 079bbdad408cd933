import {
  answerVersion,
  domainEventStream,
  type Logger,
  type Redis,
  type ReuseTerms,
  StreamHeads,
} from '@polystatus/kit';

/** Decides whether a gateway answer still stands without asking the gateway (answer-reuse.ts). */
export interface AnswerStanding {
  /** True when nothing the answer depends on can have changed before `arrivedAt` (performance.now()). */
  stands(terms: ReuseTerms, arrivedAt: number): Promise<boolean>;
}

/** Distinct scopes followed at once; the gateway names a handful (incidents+users, users, comms+users...). */
const MAX_SCOPES = 64;
const DOMAIN_NAME = /^[a-z][a-z0-9-]{0,31}$/;

export interface StreamVersionsOptions {
  redis: Redis;
  keyPrefix: string;
  /** POLYSTATUS_INTERNAL_SECRET, which keys the gateway's version (kit answer-version.ts). */
  secret: string;
  logger?: Logger;
  now?: () => number;
}

/**
 * Checks a gateway answer's terms against the domains' event streams, read here: the answer stands while the
 * newest ids of the streams it names are the ones the gateway read for it (same keyed version) and the caller's
 * credential has not expired. Every domain commits each change together with an entry on its stream, and every
 * revocation is an entry on the users stream (always named), so equal ids mean no write and no revocation since.
 *
 * Exact like the gateway's own check: the ids are read after the request arrived (StreamHeads: one pipeline
 * shared by the requests that arrived before it was sent), so a write or revocation acknowledged before a
 * request arrived always sends it to the gateway. If the streams cannot be read it answers false: the adapter
 * then asks the gateway, as it would without this.
 */
export class StreamVersions implements AnswerStanding {
  private readonly scopes = new Map<string, StreamHeads>();
  /** Versions computed per stream read and scope: one HMAC per read, however many requests it serves. */
  private readonly computed = new WeakMap<readonly string[], string>();
  private readonly now: () => number;
  private warnedAt = 0;

  constructor(private readonly opts: StreamVersionsOptions) {
    this.now = opts.now ?? Date.now;
  }

  async stands(terms: ReuseTerms, arrivedAt: number): Promise<boolean> {
    if (this.now() >= terms.until) return false;
    const heads = this.headsOf(terms.domains);
    if (!heads) return false;
    let ids: readonly string[];
    try {
      ids = await heads.read(arrivedAt);
    } catch (err) {
      if (this.now() - this.warnedAt > 60_000) {
        this.warnedAt = this.now();
        this.opts.logger?.warn(
          { err },
          'cannot read the event streams: revalidating every reuse with the gateway',
        );
      }
      return false;
    }
    let version = this.computed.get(ids);
    if (version === undefined) {
      version = answerVersion(this.opts.secret, terms.domains, ids);
      this.computed.set(ids, version);
    }
    return version === terms.version;
  }

  /** The heads reader of one scope, made on first use; undefined for a scope this will not follow. */
  private headsOf(domains: readonly string[]): StreamHeads | undefined {
    const scope = domains.join(',');
    const known = this.scopes.get(scope);
    if (known) return known;
    if (this.scopes.size >= MAX_SCOPES || !domains.every((d) => DOMAIN_NAME.test(d))) return undefined;
    const heads = new StreamHeads(
      this.opts.redis,
      domains.map((d) => domainEventStream(this.opts.keyPrefix, d)),
    );
    this.scopes.set(scope, heads);
    return heads;
  }
}
