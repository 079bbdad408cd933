import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ANONYMOUS,
  type Authenticator,
  createLogger,
  DomainError,
  envelopeToFields,
  isRole,
  newEnvelope,
  type Principal,
} from '@polystatus/kit';
import { TEST_REDIS_URL, type testRedis } from '@polystatus/kit/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadRealtimeConfig, type RealtimeConfig } from '../config.ts';
import { domainEventStream } from '../keys.ts';
import type { SocketOperationPolicy } from '../operations.ts';
import { type RealtimeServer, startRealtimeServer } from '../server.ts';
import type { FakeGraph } from './fake-graph.ts';

/**
 * Tokens for tests: `Bearer <role>` or `Bearer <role>:<name>`, a user of that role. Tokens can be revoked or
 * given another role while sockets hold them, as the users service would.
 */
export class FakeAuthenticator implements Authenticator {
  readonly revoked = new Set<string>();
  readonly roles = new Map<string, string>();
  /** Token → epoch ms at which it expires; past it the token no longer authenticates. */
  readonly expiries = new Map<string, number>();
  async authenticate(header: string | undefined): Promise<Principal> {
    if (!header) return ANONYMOUS;
    const token = /^Bearer (\S+)$/.exec(header)?.[1] ?? '';
    const [roleName, name] = token.split(':');
    const role = this.roles.get(token) ?? roleName;
    const expiresAt = this.expiries.get(token);
    if (this.revoked.has(token) || !isRole(role) || (expiresAt !== undefined && Date.now() >= expiresAt)) {
      throw new DomainError('UNAUTHENTICATED', 'invalid token');
    }
    return { kind: 'user', id: `user-${name ?? roleName}`, role, ...(expiresAt ? { expiresAt } : {}) };
  }
}

/** The production defaults, so tests exercise what ships unless they say otherwise. */
export const DEFAULT_TEST_CONFIG: RealtimeConfig = loadRealtimeConfig({});

export interface Harness {
  url: string;
  http: Server;
  realtime: RealtimeServer;
  close(): Promise<void>;
}

/** A realtime server alone on an HTTP server of its own (port 0), over a fake graph and the real Redis. */
export async function startHarness(opts: {
  supergraphSdl: string;
  graph: FakeGraph;
  authenticator: Authenticator;
  keyPrefix: string;
  config?: Partial<RealtimeConfig>;
  operations?: SocketOperationPolicy;
}): Promise<Harness> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const realtime = await startRealtimeServer({
    server: http,
    supergraphSdl: opts.supergraphSdl,
    authenticator: opts.authenticator,
    executor: opts.graph,
    redis: { url: TEST_REDIS_URL, keyPrefix: opts.keyPrefix, commandTimeoutMs: 2000 },
    logger: createLogger('realtime-test', 'silent'),
    config: { ...DEFAULT_TEST_CONFIG, ...opts.config },
    maxDepth: 12,
    ...(opts.operations ? { operations: opts.operations } : {}),
  });
  await realtime.ready;
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    http,
    realtime,
    async close() {
      await realtime.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** Appends an envelope to a domain stream, as the domain's own write would. */
export async function appendEvent(
  redis: ReturnType<typeof testRedis>,
  keyPrefix: string,
  domain: string,
  type: string,
  subject: string,
  data: Record<string, unknown>,
): Promise<string> {
  const fields = envelopeToFields(newEnvelope(type, 'user-responder', subject, data));
  return (await redis.xadd(domainEventStream(keyPrefix, domain), '*', ...fields)) as string;
}

export interface Closed {
  code: number;
  reason: string;
}

/**
 * A graphql-ws client that records how its socket closed; never retries, so tests see every close. `headers` go
 * on the upgrade request (e.g. X-Forwarded-For, to act as another client address behind a trusted proxy).
 */
export function wsClient(
  url: string,
  token?: string,
  headers?: Record<string, string>,
): Client & { closed: Promise<Closed> } {
  let onClosed!: (c: Closed) => void;
  const closed = new Promise<Closed>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url,
    webSocketImpl: headers
      ? class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers });
          }
        }
      : WebSocket,
    retryAttempts: 0,
    lazy: false,
    // Connection failures are asserted through `closed`; the default would print each one.
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        onClosed({ code: e.code, reason: String(e.reason) });
      },
    },
  });
  return Object.assign(client, { closed });
}

/** Subscribes and collects results; `next(n)` waits for the n-th result. */
export function collect(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: {
    data?: unknown;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }[] = [];
  let failure: unknown = null;
  let waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters) w();
    waiters = [];
  };
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (r) => {
        results.push(r as (typeof results)[number]);
        wake();
      },
      error: (err) => {
        failure = err;
        wake();
      },
      complete: wake,
    },
  );
  const until = async (pred: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(results)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    results,
    dispose,
    get failure() {
      return failure;
    },
    next: (n: number, timeoutMs = 2000) => until(() => results.length >= n, timeoutMs, `${n} result(s)`),
    failed: (timeoutMs = 2000) => until(() => failure !== null, timeoutMs, 'an error'),
  };
}

export { WebSocket };
