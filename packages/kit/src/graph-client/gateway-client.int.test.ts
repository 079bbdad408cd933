import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@polystatus/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayClient } from './gateway-client.ts';
import { defineOperation } from './graphql-operation.ts';

/** A stand-in gateway on a free port: records what it receives and answers what the test scripted. */
let answer: { status: number; headers?: Record<string, string>; body: string; delayMs?: number } = {
  status: 200,
  body: '',
};
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let sockets = 0;
let server: Server;
let url = '';

const PING = defineOperation<{ ping: string }, { n: number }>('query Ping($n: Int) { ping(n: $n) }');
const caller = { authorization: 'Bearer t0k', requestId: 'req-1', clientAddress: '203.0.113.9' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  server.on('connection', () => sockets++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
};

describe('GatewayClient', () => {
  it('posts query, variables and operationName with the caller’s headers, over one kept-alive socket', async () => {
    const client = new GatewayClient({ url, connections: 1 });
    answer = { status: 200, body: JSON.stringify({ data: { ping: 'pong' } }) };
    received.length = 0;
    const before = sockets;
    for (let i = 0; i < 3; i++)
      expect(await client.execute(PING, { n: i }, caller)).toEqual({ ping: 'pong' });
    expect(sockets - before).toBe(1);
    const first = received[0]!;
    expect(JSON.parse(first.body)).toEqual({ query: PING.query, variables: { n: 0 }, operationName: 'Ping' });
    expect(first.headers).toMatchObject({
      authorization: 'Bearer t0k',
      'x-request-id': 'req-1',
      'x-forwarded-for': '203.0.113.9',
      'content-type': 'application/json',
    });
    const anonymous = { requestId: 'req-2', clientAddress: '203.0.113.9' };
    await client.execute(PING, { n: 9 }, anonymous);
    expect(received.at(-1)!.headers.authorization).toBeUndefined();
    await client.close();
  });

  it('turns GraphQL errors into DomainErrors with details and Retry-After', async () => {
    const client = new GatewayClient({ url });
    answer = {
      status: 200,
      body: JSON.stringify({
        data: null,
        errors: [
          {
            message: 'sev: too big',
            extensions: { code: 'VALIDATION', details: [{ field: 'sev', issue: 'too big' }] },
          },
        ],
      }),
    };
    const invalid = await failure(client.execute(PING, { n: 1 }, caller));
    expect([invalid.code, invalid.details]).toEqual(['VALIDATION', [{ field: 'sev', issue: 'too big' }]]);

    answer = {
      status: 429,
      headers: { 'retry-after': '7' },
      body: JSON.stringify({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }),
    };
    const limited = await failure(client.execute(PING, { n: 1 }, caller));
    expect([limited.code, limited.httpStatus, limited.retryAfter]).toEqual(['RATE_LIMITED', 429, 7]);
    await client.close();
  });

  it('reports a 5xx, a non-JSON body, a timeout and a refused connection as UNAVAILABLE', async () => {
    const client = new GatewayClient({ url, timeoutMs: 200 });
    answer = { status: 502, body: 'bad gateway' };
    expect((await failure(client.execute(PING, { n: 1 }, caller))).code).toBe('UNAVAILABLE');
    answer = { status: 200, body: '{"data":', delayMs: 0 };
    expect((await failure(client.execute(PING, { n: 1 }, caller))).code).toBe('UNAVAILABLE');
    answer = { status: 200, body: JSON.stringify({ data: { ping: 'late' } }), delayMs: 1000 };
    const started = Date.now();
    const slow = await failure(client.execute(PING, { n: 1 }, caller));
    expect([slow.code, slow.message]).toEqual(['UNAVAILABLE', 'the gateway did not answer in time']);
    expect(Date.now() - started).toBeLessThan(700);
    await client.close();

    const nowhere = new GatewayClient({ url: 'http://127.0.0.1:1/graphql' });
    const refused = await failure(nowhere.execute(PING, { n: 1 }, caller));
    expect([refused.code, refused.httpStatus]).toEqual(['UNAVAILABLE', 503]);
    await expect(nowhere.ping(300)).rejects.toThrow();
    await nowhere.close();
  });

  it('is ready only when the gateway answers the readiness query', async () => {
    const client = new GatewayClient({ url });
    answer = { status: 200, body: JSON.stringify({ data: { __typename: 'Query' } }) };
    await expect(client.ping()).resolves.toBeUndefined();
    answer = { status: 503, body: JSON.stringify({ errors: [{ message: 'down' }] }) };
    await expect(client.ping()).rejects.toThrow('503');
    await client.close();
  });
});

describe('defineOperation', () => {
  it('refuses a document without exactly one named operation, at definition time', () => {
    expect(() => defineOperation('{ a }')).toThrow('exactly one named operation');
    expect(() => defineOperation('query A { a } query B { b }')).toThrow('exactly one named operation');
    expect(() => defineOperation('query A { a')).toThrow();
  });
});
