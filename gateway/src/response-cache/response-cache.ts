import { randomBytes } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  answerVersion,
  documentMeasurer,
  EMPTY_STREAM,
  type Logger,
  type Principal,
  REUSE_HEADERS,
  SizedLru,
  type StreamHeads,
} from '@polystatus/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { GatewayContext } from '../context.ts';
import { ReadScopes } from './read-scope.ts';
import { type StoredResponse, storedSize } from './stored-response.ts';

/** Response header saying whether the answer was reused (`hit`) or computed (`miss`); absent when never cacheable. */
export const CACHE_HEADER = 'x-ps-cache';
/** Headers of a computed answer kept with it and sent again on reuse. */
const KEPT_HEADERS = ['content-type', 'content-encoding', 'vary'] as const;
/** Operation types whose answers are never reused. */
const WRITE_WORDS = /\b(?:mutation|subscription)\b/;
/** Longest a request waits for an identical one's answer before computing its own. */
const JOIN_TIMEOUT_MS = 5_000;
/** The domain whose stream carries every revocation: a caller's credential stands while it did not move. */
const CREDENTIALS_DOMAIN = 'users';

export interface ResponseCacheOptions {
  /** Bounds of the store: every answer together, and one answer. */
  maxBytes: number;
  maxEntryBytes: number;
  /** The API schema the gateway serves (field coordinates are checked against it). */
  schema: GraphQLSchema;
  /** Newest ids of every versioned domain's event stream; `streamOf(domain)` names each in `heads.streams`. */
  heads: StreamHeads;
  streamOf: (domain: string) => string;
  /** Keys the reuse version sent to REST adapters (POLYSTATUS_INTERNAL_SECRET). */
  secret: string;
  registry?: Registry;
  logger?: Logger;
}

/** What a request that found nothing to reuse carries through Apollo, so its answer can be kept (`plugin`). */
export interface CacheNote {
  key: string;
  /** Newest ids of every versioned stream, read after the request arrived and before it executes. */
  heads: readonly string[];
  /** Until when the caller's credential stands without asking again (epoch ms; see `send`). */
  until: number;
  /** Set once the operation is known to be versioned: the domains it reads. */
  scope?: readonly string[];
  cost: number;
  /** What identical requests arriving meanwhile wait for; ended by `settle`. */
  computing?: Computing;
}

/** An answer being computed, which identical requests may wait for instead of computing it too. */
interface Computing {
  heads: readonly string[];
  done: Promise<StoredResponse | undefined>;
  finish(entry: StoredResponse | undefined): void;
}

/** What `lookup` found: an answer to send, or what to compute one with. */
export type Lookup = { entry: StoredResponse; heads: readonly string[] } | { note: CacheNote } | undefined;

/** A GraphQL request's parameters, from a POSTed body or a GET query string. */
interface OperationParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

type Outcome = 'hit' | 'joined' | 'stale' | 'miss' | 'uncacheable' | 'unavailable';

/**
 * Reuses a principal's answer to the same read for as long as nothing it reads has changed.
 *
 * Why: an outage is when every screen of a team polls the same dashboard and every script the same 500-incident
 * list. Re-running such a read costs the gateway about 12 ms of CPU (docs/performance.md); checking whether it can
 * have changed costs one Redis round trip.
 *
 * Exact, not eventually fresh: each request reads the newest event-stream ids of the versioned domains after it
 * arrived (StreamHeads: one pipeline shared by the requests that arrived before it was sent). Every change is
 * committed atomically with an entry on its domain's stream, so a kept answer whose domains' ids (read-scope.ts)
 * are still those it was computed under is what executing again would return, and a write acknowledged before a
 * request arrived is always in that request's answer. The same holds for waiting on an identical request still
 * computing (`lookup`): it is joined only when no stream moved since it read them.
 *
 * Never across principals: the key holds the principal (kind, id, role, API token), and authentication, with
 * revocation applied on the next request (verified-sessions.ts), runs before the lookup. Only queries of
 * signed-in callers whose every field is versioned (versioned-reads.ts), and never for a request with
 * `Cache-Control: no-cache` or `no-store`; never answers with errors. The rate limit and the cost budget still
 * charge every reuse. If Redis cannot be read, nothing is reused or kept.
 */
export class ResponseCache {
  private readonly store: SizedLru<StoredResponse>;
  private readonly scopes: ReadScopes;
  private readonly outcomes: Counter<'outcome'> | undefined;
  private readonly computing = new Map<string, Computing>();
  /**
   * The scope and version headers per stream read and read scope: every request a read serves (under load, all
   * those arriving in one Redis round trip) shares one HMAC. Keyed by identity: the read's array of ids, and the
   * scope array ReadScopes keeps per document.
   */
  private readonly terms = new WeakMap<readonly string[], Map<readonly string[], ReuseTermsHeaders | null>>();
  /** Distinguishes this process's ETags from a previous one's. */
  private readonly epoch = randomBytes(6).toString('base64url');
  private serial = 0;

  constructor(private readonly opts: ResponseCacheOptions) {
    this.store = new SizedLru(opts.maxBytes, opts.maxEntryBytes, storedSize);
    this.scopes = new ReadScopes(opts.schema);
    this.outcomes = opts.registry
      ? new Counter({
          name: 'gateway_response_cache_requests_total',
          help: 'Signed-in queries by what the response cache did: hit, joined (an identical one computing), stale (changed since), miss (computed and kept), uncacheable, unavailable (streams unreadable)',
          labelNames: ['outcome'],
          registers: [opts.registry],
        })
      : undefined;
  }

  /**
   * The request's key, or undefined when its answer is never reusable. Everything that can change an answer is
   * in it: who asks, the document, operation and variables, and what the client accepts (type and encoding,
   * since answers are kept as sent). Queries arrive POSTed (JSON body) or as GET parameters (Apollo's GET, which
   * clients use to revalidate with If-None-Match).
   */
  keyOf(request: FastifyRequest, principal: Principal): string | undefined {
    if (principal.kind === 'anonymous') return undefined;
    // The client asks for an answer computed now (a benchmark's baseline, or someone doubting the cache).
    if (/\bno-(?:cache|store)\b/i.test(request.headers['cache-control'] ?? '')) return undefined;
    const method = request.method;
    if (method !== 'POST' && method !== 'GET') return undefined;
    const params = (method === 'POST' ? request.body : request.query) as OperationParams | null | undefined;
    if (!params || typeof params.query !== 'string' || params.extensions !== undefined) return undefined;
    // Writes skip even the lookup (its stream read); a query merely mentioning the word is left uncached, no harm.
    if (WRITE_WORDS.test(params.query)) return undefined;
    const { accept, 'accept-encoding': encoding } = request.headers;
    return JSON.stringify([
      principal.kind,
      principal.id,
      principal.role,
      principal.tokenId ?? null,
      method,
      accept ?? null,
      encoding ?? null,
      params.operationName ?? null,
      params.variables ?? null,
      params.query,
    ]);
  }

  /**
   * The kept answer for `key` when nothing it read has changed since (stale ones are dropped), else the answer an
   * identical request is computing when no stream moved since that one read them (after a change, ten connections
   * polling one list compute it once, not ten times), else a note to compute and keep this request's own. The
   * note's heads were read after this request arrived (`arrivedAt`, performance.now(): usually the read that
   * authentication made for it) and before it executes. Undefined when the streams cannot be read: the request
   * executes without the cache.
   */
  async lookup(key: string, until: number, arrivedAt?: number): Promise<Lookup> {
    let heads: readonly string[];
    try {
      heads = await this.opts.heads.read(arrivedAt);
    } catch (err) {
      this.count('unavailable');
      this.opts.logger?.debug({ err }, 'response cache: cannot read the event streams; answering without it');
      return undefined;
    }
    const entry = this.store.get(key);
    if (entry) {
      if (sameHeads(this.headsOf(entry.domains, heads), entry.heads)) {
        this.count('hit');
        return { entry, heads };
      }
      this.store.delete(key);
      this.count('stale');
    }
    const computing = this.computing.get(key);
    if (computing && sameHeads(computing.heads, heads)) {
      const joined = await Promise.race([computing.done, delay(JOIN_TIMEOUT_MS)]);
      if (joined) {
        this.count('joined');
        return { entry: joined, heads };
      }
      // Failed or too slow: this request computes its own, and later ones no longer wait for that one.
      if (this.computing.get(key) === computing) this.computing.delete(key);
    }
    const note: CacheNote = { key, heads, until, cost: 0 };
    let finish!: (entry: StoredResponse | undefined) => void;
    const done = new Promise<StoredResponse | undefined>((resolve) => {
      finish = resolve;
    });
    note.computing = { heads, done, finish };
    this.computing.set(key, note.computing);
    return { note };
  }

  /**
   * Sends a kept answer as it was first sent, or only "304 Not Modified" to a GET whose If-None-Match names it
   * (a REST adapter revalidating the answer it built its own from; for other methods HTTP reserves 412 for a
   * matching If-None-Match, so a POST always gets the body). `heads` are those the request read; `until` is when
   * its caller's credential stops standing (see `sendTerms`).
   */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    entry: StoredResponse,
    heads: readonly string[],
    until: number,
  ): FastifyReply {
    void reply.header('etag', entry.etag).header(CACHE_HEADER, 'hit');
    this.sendTerms(reply, entry.domains, heads, until);
    if (request.method === 'GET' && request.headers['if-none-match'] === entry.etag) {
      return reply.code(304).send();
    }
    for (const [name, value] of Object.entries(entry.headers)) void reply.header(name, value);
    return reply.send(entry.body);
  }

  /** Keeps an answer that Apollo computed, when the request's note says it may be reused. */
  remember(note: CacheNote, reply: FastifyReply, payload: unknown): void {
    this.settle(note, this.keep(note, reply, payload));
  }

  /**
   * Ends what the request was computing for others (with nothing when it was not kept). Called again once the
   * response is over, whatever happened to it, so no waiter is left waiting on a request that failed.
   */
  settle(note: CacheNote, entry?: StoredResponse): void {
    const computing = note.computing;
    if (!computing) return;
    note.computing = undefined;
    computing.finish(entry);
    if (this.computing.get(note.key) === computing) this.computing.delete(note.key);
  }

  /**
   * Decides, once the operation is resolved and before it executes, whether its answer may be kept; those that
   * may not release their waiters at once. An answer with errors is never kept.
   */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async ({ contextValue }) => {
        const note = contextValue.responseCache;
        if (!note) return;
        return {
          didResolveOperation: async ({ document, operation, request, schema }) => {
            const scope = operation ? this.scopes.of(document, operation) : undefined;
            if (!scope) {
              this.settle(note);
              return;
            }
            note.scope = scope;
            // The same measure as the cost budget's (cost-budget.ts), charged again on every reuse.
            note.cost = documentMeasurer(document, { variables: request.variables, schema })(operation!).cost;
          },
          willSendResponse: async ({ response }) => {
            if (response.body.kind !== 'single' || response.body.singleResult.errors) note.scope = undefined;
          },
        };
      },
    };
  }

  /** How many answers are kept and their size (tests, metrics). */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.store.size, bytes: this.store.usedSize };
  }

  private keep(note: CacheNote, reply: FastifyReply, payload: unknown): StoredResponse | undefined {
    const heads = note.scope ? this.headsOf(note.scope, note.heads) : [];
    // A stream that does not exist proves nothing: either nothing was ever written, or this gateway reads another
    // REDIS_KEY_PREFIX than the domains write under. Keeping nothing then is safe in both cases.
    if (!note.scope || heads.includes(EMPTY_STREAM)) {
      this.count('uncacheable');
      return undefined;
    }
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload)))
      return undefined;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const etag = `"${this.epoch}.${(this.serial++).toString(36)}"`;
    const entry: StoredResponse = {
      // Sent again as a Buffer: far cheaper for the socket than a large string (kit compression.ts).
      body: typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload,
      headers,
      domains: note.scope,
      heads,
      cost: note.cost,
      etag,
    };
    this.store.set(note.key, entry);
    void reply.header('etag', etag).header(CACHE_HEADER, 'miss');
    this.sendTerms(reply, note.scope, note.heads, note.until);
    this.count('miss');
    return entry;
  }

  /**
   * Tells a REST adapter when this answer stands without asking again (kit answer-version.ts): while the streams
   * of the domains it reads, and of users (revocations), still hold the ids this request read, and the credential
   * has not expired. Those ids were read after the request arrived and before the answer was computed (or found
   * still standing), so the same ids read later mean nothing it depends on has changed since. Keyed with the
   * internal secret: only a process holding it can compare, and no caller learns when anything was written.
   */
  private sendTerms(reply: FastifyReply, scope: readonly string[], heads: readonly string[], until: number) {
    let byScope = this.terms.get(heads);
    if (!byScope) {
      byScope = new Map();
      this.terms.set(heads, byScope);
    }
    let terms = byScope.get(scope);
    if (terms === undefined) {
      terms = this.termsOf(scope, heads);
      byScope.set(scope, terms);
    }
    if (!terms) return;
    void reply
      .header(REUSE_HEADERS.scope, terms.scope)
      .header(REUSE_HEADERS.version, terms.version)
      .header(REUSE_HEADERS.until, String(until));
  }

  /** The scope and version of a read scope under one read of the streams; null when a stream is empty. */
  private termsOf(scope: readonly string[], heads: readonly string[]): ReuseTermsHeaders | null {
    const domains = [...new Set([...scope, CREDENTIALS_DOMAIN])].sort();
    const ids = this.headsOf(domains, heads);
    if (ids.some((id) => id === EMPTY_STREAM || id === '')) return null;
    return { scope: domains.join(','), version: answerVersion(this.opts.secret, domains, ids) };
  }

  /** The ids of `domains`' streams among `all` (in the order of `heads.streams`). */
  private headsOf(domains: readonly string[], all: readonly string[]): string[] {
    const { heads, streamOf } = this.opts;
    return domains.map((d) => all[heads.streams.indexOf(streamOf(d))] ?? '');
  }

  private count(outcome: Outcome): void {
    this.outcomes?.inc({ outcome });
  }
}

interface ReuseTermsHeaders {
  scope: string;
  version: string;
}

const sameHeads = (a: readonly string[], b: readonly string[]) => a.every((id, i) => id === b[i]);

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms, undefined).unref());
