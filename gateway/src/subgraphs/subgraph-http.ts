import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { DomainError, type Logger } from '@polystatus/kit';
import { Agent } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphHttpOptions {
  /** Reuse connections between requests (the default). `false` is the no-keep-alive baseline for benchmarks. */
  keepAlive: boolean;
  timeoutMs: number;
  /** Where the real cause of a failed subgraph call goes; clients only learn that the service is unavailable. */
  logger?: Logger;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Idle time before the gateway drops a pooled connection. It must stay below the subgraphs' 65 s
 * keepAliveTimeout: the side that closes an idle socket first must be the caller, or a request sent on a socket
 * the server is closing at that instant fails with ECONNRESET.
 */
export const SUBGRAPH_IDLE_MS = 30_000;

/**
 * The HTTP client the gateway talks to its subgraphs with: one undici pool per subgraph origin, connections kept
 * alive. Apollo's default fetcher (make-fetch-happen) opens and tears down far more sockets and spent about a fifth
 * of the gateway's CPU in the measurements of docs/decisions; undici's request API skips the WHATWG fetch layers.
 */
export class SubgraphHttp {
  private readonly agent: Agent;
  private readonly logger: Logger | undefined;

  constructor(opts: SubgraphHttpOptions) {
    this.logger = opts.logger;
    this.agent = new Agent(
      opts.keepAlive
        ? {
            keepAliveTimeout: SUBGRAPH_IDLE_MS,
            // Subgraphs announce `Keep-Alive: timeout=65`; cap what undici derives from it below that.
            keepAliveMaxTimeout: SUBGRAPH_IDLE_MS,
            connections: 256,
            headersTimeout: opts.timeoutMs,
            bodyTimeout: opts.timeoutMs,
          }
        : // undici: pipelining 0 means one request per connection, closed after the response.
          { pipelining: 0, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs },
    );
  }

  /** A fetcher for Apollo's data source; `subgraph` names the service in the UNAVAILABLE error. */
  fetcherFor(subgraph: string): Fetcher {
    const agent = this.agent;
    const logger = this.logger;
    const fetcher = async (url: string, init: Parameters<Fetcher>[1] = {}) => {
      let res: Awaited<ReturnType<Agent['request']>>;
      let body: string;
      const target = new URL(url);
      try {
        res = await agent.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method: (init.method ?? 'POST') as 'POST',
          headers: init.headers ?? {},
          body: init.body ?? null,
        });
        body = await res.body.text();
      } catch (err) {
        // Addresses and library messages stay in the log; they tell a client nothing it can act on.
        logger?.warn({ err, subgraph }, 'subgraph call failed');
        const timedOut = TIMEOUT_CODES.has((err as { code?: string }).code ?? '');
        throw new DomainError('UNAVAILABLE', `the ${subgraph} service is unavailable`, {
          retryAfter: 1,
          details: [{ field: subgraph, issue: timedOut ? 'did not answer in time' : 'cannot be reached' }],
        });
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const empty = res.statusCode === 204 || res.statusCode === 304;
      return new Response(empty ? null : body, { status: res.statusCode, headers });
    };
    return fetcher as unknown as Fetcher;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
