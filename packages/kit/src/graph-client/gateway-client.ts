import { Pool } from 'undici';
import { DomainError } from '../errors.ts';
import { REQUEST_ID_HEADER } from '../http/request-id.ts';
import type { Logger } from '../logger.ts';
import { interpretAnswer } from './gateway-response.ts';
import type { GraphQLOperation } from './graphql-operation.ts';

/** Who is calling: handed on to the gateway so the graph sees the same caller and the same request id. */
export interface Caller {
  authorization?: string | undefined;
  requestId: string;
  clientAddress: string;
  /** The request's logger, so failures are logged with its request id. */
  log?: Logger;
}

export interface GatewayClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** Sockets kept open to the gateway. */
  connections?: number;
  /** Longest wait for the gateway's answer before the request fails as UNAVAILABLE. */
  timeoutMs?: number;
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
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
      [REQUEST_ID_HEADER]: caller.requestId,
      // The adapter is the edge: it states the address it saw instead of relaying a client-supplied list.
      'x-forwarded-for': caller.clientAddress,
    };
    if (caller.authorization) headers.authorization = caller.authorization;
    const body = JSON.stringify({ query: op.query, variables, operationName: op.operationName });

    let status: number;
    let retryAfterHeader: string | undefined;
    let text: string;
    try {
      // One deadline for the whole exchange (connect, headers, body): undici's own timers are coarse-grained.
      const signal = AbortSignal.timeout(this.timeoutMs);
      const res = await this.pool.request({ method: 'POST', path: this.path, headers, body, signal });
      status = res.statusCode;
      const ra = res.headers['retry-after'];
      retryAfterHeader = Array.isArray(ra) ? ra[0] : ra;
      text = await res.body.text();
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      caller.log?.warn(
        { err, operation: op.operationName },
        timedOut ? 'gateway too slow' : 'gateway unreachable',
      );
      const message = timedOut ? 'the gateway did not answer in time' : 'the gateway is unreachable';
      throw new DomainError('UNAVAILABLE', message, { retryAfter: 1 });
    }

    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
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
