import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { DomainError, IDENTITY_HEADER, type Logger } from '@polystatus/kit';
import { Agent } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphHttpOptions {
  /** Reuse connections between requests (the default). `false` is the no-keep-alive baseline for benchmarks. */
  keepAlive: boolean;
  /**
   * Merge identical in-flight subgraph queries of the same principal (default true); see `principalKey`.
   * `false` is the baseline for benchmarks.
   */
  mergeInFlight?: boolean;
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
  private readonly mergeInFlight: boolean;
  /** Subgraph answers on their way, by principal, URL and body (only queries; see `fetcherFor`). */
  private readonly inFlight = new Map<string, Promise<Answer>>();

  constructor(opts: SubgraphHttpOptions) {
    this.logger = opts.logger;
    this.mergeInFlight = opts.mergeInFlight ?? true;
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

  /**
   * A fetcher for Apollo's data source; `subgraph` names the service in the UNAVAILABLE error.
   *
   * A wall of screens sends the same dashboard query at once: identical in-flight subgraph queries of the SAME
   * principal (kind, id, role and API token, from the identity this gateway signed) share one call, so fifty
   * screens cost the subgraph what one does. Never across principals or roles: what a resolver answers may depend
   * on who asks. Never mutations. Each waiter gets its own copy of the answer text and parses it itself, so no
   * request can see another's result objects, which Apollo mutates while merging fetches.
   */
  fetcherFor(subgraph: string): Fetcher {
    const fetcher = async (url: string, init: Parameters<Fetcher>[1] = {}) => {
      const key = this.mergeInFlight ? mergeKey(url, init) : undefined;
      let answer: Promise<Answer>;
      if (key === undefined) {
        answer = this.call(subgraph, url, init);
      } else {
        const shared = this.inFlight.get(key);
        if (shared) {
          answer = shared;
        } else {
          answer = this.call(subgraph, url, init);
          this.inFlight.set(key, answer);
          const forget = () => this.inFlight.delete(key);
          answer.then(forget, forget);
        }
      }
      const { status, headers, body } = await answer;
      const empty = status === 204 || status === 304;
      return new Response(empty ? null : body, { status, headers });
    };
    return fetcher as unknown as Fetcher;
  }

  private async call(subgraph: string, url: string, init: Parameters<Fetcher>[1]): Promise<Answer> {
    let res: Awaited<ReturnType<Agent['request']>>;
    let body: string;
    const target = new URL(url);
    try {
      res = await this.agent.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: (init?.method ?? 'POST') as 'POST',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: (init?.body as string | undefined) ?? null,
      });
      body = await res.body.text();
    } catch (err) {
      // Addresses and library messages stay in the log; they tell a client nothing it can act on.
      this.logger?.warn({ err, subgraph }, 'subgraph call failed');
      const timedOut = TIMEOUT_CODES.has((err as { code?: string }).code ?? '');
      throw new DomainError('UNAVAILABLE', `the ${subgraph} service is unavailable`, {
        retryAfter: 1,
        details: [{ field: subgraph, issue: timedOut ? 'did not answer in time' : 'cannot be reached' }],
      });
    }
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.push([name, v]);
    }
    return { status: res.statusCode, headers, body };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** A subgraph's answer as received, shareable between the requests merged onto it. */
interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** Apollo sends `{"query":"<operation>",…}`; the operations it plans for reads start with `query` or `{`. */
const READ_BODY = /^\{"query":"(?:query\b|\{)/;

/**
 * The key under which a subgraph call may be merged with identical ones in flight, or undefined when it must not
 * be: a mutation, or a call without an identity. The principal part comes from the identity header this gateway
 * signed for the request (the subgraph verifies it; here it is only read): its expiry and client address are left
 * out, since they differ between requests of one principal and change nothing a query answers.
 */
export function mergeKey(url: string, init: Parameters<Fetcher>[1]): string | undefined {
  const body = init?.body;
  if (typeof body !== 'string' || !READ_BODY.test(body)) return undefined;
  const identity = (init?.headers as Record<string, string> | undefined)?.[IDENTITY_HEADER];
  if (!identity) return undefined;
  const principal = principalKey(identity);
  return principal === undefined ? undefined : `${principal}\u0000${url}\u0000${body}`;
}

function principalKey(identity: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(identity.split('.')[0]!, 'base64url').toString('utf8')) as {
      k?: unknown;
      s?: unknown;
      r?: unknown;
      t?: unknown;
    };
    // Anonymous callers are many people behind one principal: never merged.
    if (claims.k === 'anonymous' || typeof claims.s !== 'string') return undefined;
    return JSON.stringify([claims.k, claims.s, claims.r, claims.t ?? null]);
  } catch {
    return undefined;
  }
}
