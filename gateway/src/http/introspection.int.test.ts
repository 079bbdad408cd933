import { ANONYMOUS, type Authenticator, DomainError } from '@polystatus/kit';
import { deletePrefix, TEST_INTERNAL_SECRET, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadGatewayEnv } from '../config.ts';
import { buildGatewayService, type GatewayService } from '../server.ts';

/** `Bearer viewer` is a signed-in viewer; no header is anonymous. */
const authenticator: Authenticator = {
  async authenticate(header) {
    if (!header) return ANONYMOUS;
    if (header !== 'Bearer viewer') throw new DomainError('UNAUTHENTICATED', 'invalid token');
    return { kind: 'user', id: 'user-viewer', role: 'viewer' };
  },
};

/**
 * The real gateway over the committed supergraph, as GraphiQL or codegen meet it. No subgraph runs: introspection
 * never reaches one, and a data query reaching for one proves it went through the gateway.
 */
describe('the gateway’s client schema, over HTTP and over the socket', () => {
  const prefix = uniquePrefix('gw-introspection');
  let gateway: GatewayService;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    const env = loadGatewayEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      REDIS_KEY_PREFIX: prefix,
      POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
      USERS_URL: 'http://127.0.0.1:1/graphql',
      INCIDENTS_URL: 'http://127.0.0.1:1/graphql',
    });
    gateway = await buildGatewayService(env, { authenticator });
    url = `${await gateway.listen()}/graphql`;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await gateway?.close();
    const redis = testRedis();
    await deletePrefix(redis, prefix);
    await redis.quit();
  });

  it('answers HTTP introspection with the subscriptions, as GraphiQL asks for it', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer viewer' },
      body: JSON.stringify({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }),
    });
    const body = (await res.json()) as { data: IntrospectionQuery; errors?: unknown };
    expect({ status: res.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    const schema = buildClientSchema(body.data);
    // Every domain's subscriptions are there; the incidents ones stand for them (the full list: client-schema.test.ts).
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {})).toEqual(
      expect.arrayContaining(['incidentChanged', 'incidentTimeline']),
    );
    expect(schema.getQueryType()?.getFields().incidents).toBeDefined();
  });

  it('answers a query over the socket: introspection from the client schema, data through the gateway', async () => {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: 'Bearer viewer' },
    });
    clients.push(client);
    const once = async (query: string) => {
      for await (const result of client.iterate({ query })) return result;
      throw new Error('no result');
    };
    const subscriptions = (await once('{ __type(name: "Subscription") { fields { name } } }')) as {
      data: { __type: { fields: { name: string }[] } };
    };
    expect(subscriptions.data.__type.fields).toEqual(
      expect.arrayContaining([{ name: 'incidentChanged' }, { name: 'incidentTimeline' }]),
    );
    // The incidents subgraph is not running: the gateway itself says so, for the field that needed it.
    const data = await once('{ incidents(first: 1) { edges { cursor } } }');
    expect(data.errors?.[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
  });
});
