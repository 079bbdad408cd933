import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ANONYMOUS, IDENTITY_HEADER, type Principal, signIdentity } from '@polystatus/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeKey, SubgraphHttp } from './subgraph-http.ts';

const SECRET = 'subgraph-http-test-secret-0123456789abcdef';
const alice: Principal = { kind: 'user', id: 'alice', role: 'viewer' };
const bob: Principal = { kind: 'user', id: 'bob', role: 'viewer' };
const aliceAsAdmin: Principal = { kind: 'user', id: 'alice', role: 'admin' };
const QUERY = JSON.stringify({ query: '{ incidents { nodes { id } } }', variables: {} });

/** A subgraph that answers slowly with who asked, and counts the calls it received. */
let server: Server;
let url: string;
let calls = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    calls++;
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () =>
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { asked: req.headers[IDENTITY_HEADER], body } }));
      }, 50),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const send = (http: SubgraphHttp, who: Principal, body = QUERY) =>
  http
    .fetcherFor('incidents')(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(who, SECRET) },
      body,
    })
    .then((r) => r.json() as Promise<{ data: { asked: string } }>);

describe('SubgraphHttp, identical in-flight queries', () => {
  it('merges those of one principal into one subgraph call, each getting its own copy', async () => {
    const http = new SubgraphHttp({ keepAlive: true, timeoutMs: 2000 });
    calls = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(http, alice)));
    expect(calls).toBe(1);
    expect(new Set(answers).size).toBe(5); // distinct objects: no request can mutate another's result
    expect(answers.every((a) => a.data.asked === answers[0]!.data.asked)).toBe(true);
    await http.close();
  });

  it('never lets two principals, or one principal under two roles, share an answer', async () => {
    const http = new SubgraphHttp({ keepAlive: true, timeoutMs: 2000 });
    calls = 0;
    const [a, b, c] = await Promise.all([send(http, alice), send(http, bob), send(http, aliceAsAdmin)]);
    expect(calls).toBe(3);
    const claims = (answer: { data: { asked: string } }) =>
      JSON.parse(Buffer.from(answer.data.asked.split('.')[0]!, 'base64url').toString()) as {
        s: string;
        r: string;
      };
    expect(claims(a)).toMatchObject({ s: 'alice', r: 'viewer' });
    expect(claims(b)).toMatchObject({ s: 'bob', r: 'viewer' });
    expect(claims(c)).toMatchObject({ s: 'alice', r: 'admin' });
    await http.close();
  });

  it('never merges mutations, anonymous callers, or calls once the first answered', async () => {
    const http = new SubgraphHttp({ keepAlive: true, timeoutMs: 2000 });
    const mutation = JSON.stringify({ query: 'mutation { acknowledge(id: "1") { id } }', variables: {} });
    calls = 0;
    await Promise.all([send(http, alice, mutation), send(http, alice, mutation)]);
    expect(calls).toBe(2);
    calls = 0;
    await Promise.all([send(http, ANONYMOUS), send(http, ANONYMOUS)]);
    expect(calls).toBe(2);
    calls = 0;
    await send(http, alice);
    await send(http, alice);
    expect(calls).toBe(2);
    await http.close();
  });

  it('keys on the principal alone, not on the per-request expiry or address of the identity', () => {
    const init = (who: Principal) => ({
      method: 'POST',
      headers: { [IDENTITY_HEADER]: signIdentity(who, SECRET) },
      body: QUERY,
    });
    expect(mergeKey(url, init({ ...alice, ip: '10.0.0.1' }))).toBe(
      mergeKey(url, init({ ...alice, ip: '10.0.0.2' })),
    );
    expect(mergeKey(url, init(alice))).not.toBe(mergeKey(url, init(bob)));
    expect(mergeKey(url, init({ ...alice, kind: 'token', tokenId: 't1' }))).not.toBe(
      mergeKey(url, init({ ...alice, kind: 'token', tokenId: 't2' })),
    );
  });
});
