import type { AddressInfo } from 'node:net';
import {
  ANONYMOUS,
  type Authenticator,
  type BaseGraphQLContext,
  createService,
  DomainError,
  loadEnv,
  mountSubgraph,
} from '@polystatus/kit';
import { TEST_INTERNAL_SECRET } from '@polystatus/kit/testing';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose/compose.ts';
import { loadGatewayEnv } from './config.ts';
import { buildGatewayService, type GatewayService } from './server.ts';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const ALPHA = `${LINK}
type Query { whoami: Whoami! received: Received! thing(id: ID!): Thing deep: Node boom: Int }
type Whoami { kind: String! id: ID role: String ip: String }
type Received { authorization: String requestId: String cookie: String custom: String identity: Boolean! }
type Thing @key(fields: "id") { id: ID! name: String! }
type Node { child: Node value: Int }`;
const BETA = `${LINK}\ntype Thing @key(fields: "id") { id: ID! price: Int! }`;
const GAMMA = `${LINK}\ntype Query { unreachable: Int }`;

const baseEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
};

type Ctx = BaseGraphQLContext & { headers: FastifyRequest['headers'] };

/** A real subgraph on the kit (so identity verification is the production code), counting its TCP connections. */
async function startSubgraph(typeDefs: string, resolvers: Record<string, unknown>) {
  let connections = 0;
  const env = loadEnv({}, baseEnv);
  const service = await createService(
    { name: 'fake-subgraph', env, port: 0 },
    async ({ app, metrics, logger }) => {
      app.server.on('connection', () => connections++);
      await mountSubgraph<Ctx>({
        app,
        typeDefs,
        // biome-ignore lint/suspicious/noExplicitAny: test resolvers
        resolvers: resolvers as any,
        metrics,
        logger,
        internalSecret: TEST_INTERNAL_SECRET,
        extendContext: (base, request) => ({ ...base, headers: request.headers }),
      });
    },
  );
  const address = await service.listen();
  return { url: `${address}/graphql`, close: service.close, connections: () => connections };
}

/** Accepts `Bearer good-<role>`; anything else is refused, as the real authenticator would. */
const fakeAuthenticator: Authenticator & { calls: number } = {
  calls: 0,
  async authenticate(header) {
    this.calls++;
    if (!header) return ANONYMOUS;
    const role = /^Bearer good-(viewer|responder|manager|admin)$/.exec(header)?.[1];
    if (!role) throw new DomainError('UNAUTHENTICATED', 'invalid token');
    return { kind: 'user', id: `user-${role}`, role: role as 'admin' };
  },
};

describe('gateway', () => {
  let alpha: Awaited<ReturnType<typeof startSubgraph>>;
  let beta: Awaited<ReturnType<typeof startSubgraph>>;
  let supergraphSdl: string;
  const gateways: GatewayService[] = [];

  async function startGateway(extra: Record<string, string> = {}) {
    const env = loadGatewayEnv(
      {
        ...baseEnv,
        PORT: '0',
        ALPHA_URL: alpha.url,
        BETA_URL: beta.url,
        GAMMA_URL: 'http://127.0.0.1:1/graphql',
        ...extra,
      },
      supergraphSdl,
    );
    const gateway = await buildGatewayService(env, { authenticator: fakeAuthenticator });
    gateways.push(gateway);
    const address = await gateway.listen();
    const url = `${address}/graphql`;
    const post = async (query: string, headers: Record<string, string> = {}) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      // biome-ignore lint/suspicious/noExplicitAny: GraphQL responses are checked field by field below
      return { status: res.status, headers: res.headers, body: (await res.json()) as any };
    };
    return { gateway, address, url, post };
  }
  let gw: Awaited<ReturnType<typeof startGateway>>;

  beforeAll(async () => {
    alpha = await startSubgraph(ALPHA, {
      Query: {
        whoami: (_: unknown, __: unknown, ctx: Ctx) => ({ ...ctx.principal, ip: ctx.principal.ip ?? null }),
        received: (_: unknown, __: unknown, ctx: Ctx) => ({
          authorization: ctx.headers.authorization ?? null,
          requestId: ctx.headers['x-request-id'] ?? null,
          cookie: ctx.headers.cookie ?? null,
          custom: ctx.headers['x-custom'] ?? null,
          identity: typeof ctx.headers['x-ps-identity'] === 'string',
        }),
        thing: (_: unknown, { id }: { id: string }) => ({ id, name: `thing ${id}` }),
        deep: () => ({ value: 1, child: { value: 2 } }),
        boom: () => {
          throw new DomainError('FORBIDDEN', 'requires role admin or higher');
        },
      },
    });
    beta = await startSubgraph(BETA, {
      Thing: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, price: Number(ref.id) * 100 }) },
    });
    const composed = composeSupergraph([
      { name: 'alpha', url: 'http://placeholder/graphql', file: 'alpha', sdl: ALPHA },
      { name: 'beta', url: 'http://placeholder/graphql', file: 'beta', sdl: BETA },
      { name: 'gamma', url: 'http://placeholder/graphql', file: 'gamma', sdl: GAMMA },
    ]);
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    supergraphSdl = composed.supergraphSdl;
    gw = await startGateway();
  });

  afterAll(async () => {
    for (const g of gateways) await g.close();
    await alpha?.close();
    await beta?.close();
  });

  it('hands subgraphs the authenticated principal and the client address in a signed identity', async () => {
    const { status, body } = await gw.post('{ whoami { kind id role ip } }', {
      authorization: 'Bearer good-responder',
    });
    expect(status).toBe(200);
    expect(body.data.whoami).toEqual({
      kind: 'user',
      id: 'user-responder',
      role: 'responder',
      ip: '127.0.0.1',
    });
  });

  it('sends anonymous callers as anonymous', async () => {
    const { body } = await gw.post('{ whoami { kind id role } }');
    expect(body.data.whoami).toEqual({ kind: 'anonymous', id: null, role: null });
  });

  it('forwards only the allowlisted headers: never Authorization or cookies', async () => {
    const { body, headers } = await gw.post(
      '{ received { authorization requestId cookie custom identity } }',
      {
        authorization: 'Bearer good-viewer',
        cookie: 'session=abc',
        'x-custom': 'nope',
        'x-request-id': 'req-from-client-1',
      },
    );
    expect(body.data.received).toEqual({
      authorization: null,
      requestId: 'req-from-client-1',
      cookie: null,
      custom: null,
      identity: true,
    });
    expect(headers.get('x-request-id')).toBe('req-from-client-1');
  });

  it('answers 401 UNAUTHENTICATED for a bad token without calling any subgraph', async () => {
    const before = alpha.connections();
    const { status, body } = await gw.post('{ whoami { kind } }', { authorization: 'Bearer forged' });
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
    expect(alpha.connections()).toBe(before);
  });

  it('joins an entity across two subgraphs', async () => {
    const { body } = await gw.post('{ thing(id: "7") { id name price } }');
    expect(body).toEqual({ data: { thing: { id: '7', name: 'thing 7', price: 700 } } });
  });

  it('keeps the domain code of a subgraph error', async () => {
    const { body } = await gw.post('{ boom }', { authorization: 'Bearer good-viewer' });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('reports an unreachable subgraph as UNAVAILABLE', async () => {
    const { body } = await gw.post('{ unreachable }');
    expect(body.errors[0].extensions.code).toBe('UNAVAILABLE');
    expect(body.errors[0].message).toMatch(/gamma/);
  });

  it('refuses operations deeper than GRAPHQL_MAX_DEPTH with VALIDATION', async () => {
    const deep = `{ deep { ${'child { '.repeat(12)}value${' }'.repeat(12)} } }`;
    const { status, body } = await gw.post(deep);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('VALIDATION');
    const ok = await gw.post('{ deep { child { value } } }');
    expect(ok.body.data.deep.child.value).toBe(2);
  });

  it('counts operations by name in /metrics', async () => {
    await gw.post('query WhoAmI { whoami { kind } }');
    const metrics = await (await fetch(`${gw.address}/metrics`)).text();
    expect(metrics).toMatch(
      /graphql_operations_total\{operation="WhoAmI",type="query",outcome="ok",service="gateway"\} [1-9]/,
    );
  });

  it('reuses subgraph connections (keep-alive) and opens one per request without it', async () => {
    const sequential = async (g: typeof gw, n: number) => {
      for (let i = 0; i < n; i++) await g.post('{ whoami { kind } }');
    };
    await sequential(gw, 1);
    const before = alpha.connections();
    await sequential(gw, 20);
    expect(alpha.connections() - before).toBe(0);

    const baseline = await startGateway({ SUBGRAPH_KEEP_ALIVE: 'false' });
    const start = alpha.connections();
    await sequential(baseline, 20);
    expect(alpha.connections() - start).toBe(20);
  });

  it('rate-limits each client with 429, Retry-After and RATE_LIMITED, leaving health checks alone', async () => {
    const limited = await startGateway({ RATE_LIMIT_PER_SECOND: '0.5', RATE_LIMIT_BURST: '2' });
    const first = await limited.post('{ whoami { kind } }');
    await limited.post('{ whoami { kind } }');
    const refused = await limited.post('{ whoami { kind } }');
    expect(first.status).toBe(200);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Loopback is a trusted proxy by default, so the address it forwards is a different client with its own bucket.
    const other = await limited.post('{ whoami { ip } }', { 'x-forwarded-for': '198.51.100.4' });
    expect(other.body.data.whoami.ip).toBe('198.51.100.4');
    expect((await fetch(`${limited.address}/healthz`)).status).toBe(200);
  });

  it('exposes the Node server for the realtime endpoint', () => {
    expect((gw.gateway.server.address() as AddressInfo).port).toBeGreaterThan(0);
  });
});
