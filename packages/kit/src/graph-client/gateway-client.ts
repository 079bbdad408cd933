import { Pool } from 'undici';
import { DomainError } from '../errors.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import type { Logger } from '../logger.ts';
import { type ReuseTerms, reuseTermsOf } from './answer-version.ts';
import { interpretAnswer } from './gateway-response.ts';
import type { GraphQLOperation } from './graphql-operation.ts';

/** Who is calling: handed on to the gateway so the graph sees the same caller and the same request id. */
export interface Caller {
  authorization?: string | undefined;
  requestId: string;
  clientAddress: string;
  /** The request's logger, so failures are logged with its request id. */
  log?: Logger;
  /** The client's Cache-Control, handed on: `no-cache` asks the gateway to compute its answer afresh. */
  cacheControl?: string | undefined;
}

export interface GatewayClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** Sockets kept open to the gateway. */
  connections?: number;
  /** Longest wait for the gateway's answer before the request fails as UNAVAILABLE. */
  timeoutMs?: number;
}

/** A revalidating read's outcome: the answer still stands, or the current data (and its ETag when reusable). */
export type Revalidated<Data> = (
  | { notModified: true; etag: string }
  | { notModified: false; data: Data; etag?: string | undefined }
) & {
  /** When the gateway says the answer stands, for a caller that can check the event streams itself. */
  terms?: ReuseTerms | undefined;
};

/** Longest path sent as a GET; Node's HTTP parser refuses request heads over 16 KB, and proxies often less. */
const MAX_GET_PATH = 6_000;

interface Exchanged {
  status: number;
  retryAfterHeader: string | undefined;
  etag: string | undefined;
  terms: ReuseTerms | undefined;
  text: string;
}

/**
 * A keep-alive GraphQL client for the gateway. One pool per process: opening a TCP connection per REST call
 * would cost more than the adapter's own work. Idle sockets are dropped after 30 s, well inside the gateway's
 * 65 s server keep-alive, so the pool never reuses a socket the server is closing.
 */
export class GatewayClient {
  private readonly pool: Pool;
  private readonly path: string;
  private readonly timeoutMs: number;

  constructor(opts: GatewayClientOptions) {
    const url = new URL(opts.url);
    this.path = `${url.pathname}${url.search}`;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.pool = new Pool(url.origin, {
      connections: opts.connections ?? 32,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 30_000,
      connect: { timeout: Math.min(this.timeoutMs, 5_000) },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  /** Runs an operation and returns its `data`; every failure arrives as a DomainError. */
  async execute<Data, Variables>(
    op: GraphQLOperation<Data, Variables>,
    variables: Variables,
    caller: Caller,
  ): Promise<Data> {
    const body = JSON.stringify({ query: op.query, variables, operationName: op.operationName });
    const answer = await this.exchange(op, caller, { method: 'POST', path: this.path, body });
    return this.interpret<Data>(op, caller, answer);
  }

  /**
   * Runs a query as a GET, so its answer can be revalidated: the gateway names a reusable answer with an ETag,
   * and given it back (`etag`) answers `notModified` while that answer still stands (gateway response cache).
   * Documents whose URL would be too long for a GET are POSTed, without an ETag.
   */
  async read<Data, Variables>(
    op: GraphQLOperation<Data, Variables>,
    variables: Variables,
    caller: Caller,
    etag?: string,
  ): Promise<Revalidated<Data>> {
    const search = new URLSearchParams({
      query: op.query,
      operationName: op.operationName,
      variables: JSON.stringify(variables ?? {}),
    });
    const path = `${this.path}${this.path.includes('?') ? '&' : '?'}${search}`;
    if (path.length > MAX_GET_PATH)
      return { notModified: false, data: await this.execute(op, variables, caller) };
    const answer = await this.exchange(op, caller, {
      method: 'GET',
      path,
      // Apollo's CSRF prevention accepts a GET only with a header a browser form cannot send.
      headers: { 'apollo-require-preflight': 'true', ...(etag ? { 'if-none-match': etag } : {}) },
    });
    const terms = answer.etag ? answer.terms : undefined;
    if (answer.status === 304 && etag) return { notModified: true, etag, terms };
    return { notModified: false, data: this.interpret<Data>(op, caller, answer), etag: answer.etag, terms };
  }

  private async exchange(
    op: GraphQLOperation<unknown, unknown>,
    caller: Caller,
    request: { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> },
  ): Promise<Exchanged> {
    const headers: Record<string, string> = {
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      accept: 'application/json',
      [REQUEST_ID_HEADER]: caller.requestId,
      // The adapter is the edge: it states the address it saw instead of relaying a client-supplied list.
      'x-forwarded-for': caller.clientAddress,
      ...request.headers,
    };
    if (caller.authorization) headers.authorization = caller.authorization;
    if (caller.cacheControl) headers['cache-control'] = caller.cacheControl;
    try {
      // One deadline for the whole exchange (connect, headers, body): undici's own timers are coarse-grained.
      const signal = AbortSignal.timeout(this.timeoutMs);
      const res = await this.pool.request({
        method: request.method,
        path: request.path,
        headers,
        body: request.body ?? null,
        signal,
      });
      const ra = res.headers['retry-after'];
      const etag = res.headers.etag;
      return {
        status: res.statusCode,
        retryAfterHeader: Array.isArray(ra) ? ra[0] : ra,
        etag: Array.isArray(etag) ? etag[0] : etag,
        terms: reuseTermsOf(res.headers),
        text: await res.body.text(),
      };
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      caller.log?.warn(
        { err, operation: op.operationName },
        timedOut ? 'gateway too slow' : 'gateway unreachable',
      );
      const message = timedOut ? 'the gateway did not answer in time' : 'the gateway is unreachable';
      throw new DomainError('UNAVAILABLE', message, { retryAfter: 1 });
    }
  }

  private interpret<Data>(op: GraphQLOperation<unknown, unknown>, caller: Caller, answer: Exchanged): Data {
    let payload: unknown;
    try {
      payload = JSON.parse(answer.text);
    } catch {
      payload = undefined;
    }
    const { status, retryAfterHeader } = answer;
    const result = interpretAnswer<Data>({ status, retryAfterHeader, payload });
    if (result.ok) return result.data;
    if (result.cause !== undefined) {
      caller.log?.error({ operation: op.operationName, status, cause: result.cause }, 'gateway call failed');
    }
    throw result.error;
  }

  /** Readiness: the gateway answers a trivial query within `timeoutMs`. */
  async ping(timeoutMs = 1000): Promise<void> {
    const res = await this.pool.request({
      method: 'POST',
      path: this.path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Readiness { __typename }', operationName: 'Readiness' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const payload = (await res.body.json()) as { data?: { __typename?: string } };
    if (res.statusCode !== 200 || payload.data?.__typename !== 'Query') {
      throw new Error(`gateway answered ${res.statusCode}`);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
