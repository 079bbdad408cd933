import { readFileSync } from 'node:fs';
import { RateLimiter } from '@polystatus/kit';
import { deletePrefix, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLOSE } from './close-codes.ts';
import type { SocketOperationPolicy } from './operations.ts';
import { FakeGraph } from './test-support/fake-graph.ts';
import {
  appendEvent,
  collect,
  FakeAuthenticator,
  type Harness,
  startHarness,
  WebSocket,
  wsClient,
} from './test-support/realtime-harness.ts';

const SUPERGRAPH = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const prefix = uniquePrefix('realtime');
const redis = testRedis();
const graph = new FakeGraph(SUPERGRAPH);
const auth = new FakeAuthenticator();
const INCIDENT = 'INC-RTTEST1';
const CHANGES = 'subscription { incidentChanged { cursor kind incident { title } } }';
const harnesses: Harness[] = [];
const clients: { dispose(): void | Promise<void> }[] = [];

const harness = async (config = {}, operations?: SocketOperationPolicy) => {
  const h = await startHarness({
    supergraphSdl: SUPERGRAPH,
    graph,
    authenticator: auth,
    keyPrefix: prefix,
    config,
    ...(operations ? { operations } : {}),
  });
  harnesses.push(h);
  return h;
};
const client = (h: Harness, token?: string) => {
  const c = wsClient(h.url, token);
  clients.push(c);
  return c;
};
const change = (type = 'incident.updated') =>
  appendEvent(redis, prefix, 'incidents', type, INCIDENT, {
    incidentId: INCIDENT,
    version: 2,
    timelineEntryId: '1-1',
  });

beforeAll(() => {
  graph.incidents.set(INCIDENT, {
    id: INCIDENT,
    title: 'Search is slow',
    sev: 2,
    commanderId: null,
    timeline: [],
  });
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
});
afterAll(async () => {
  for (const h of harnesses) await h.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('realtime server', () => {
  it('delivers a domain event read from Redis, hydrated, to a subscriber', async () => {
    const h = await harness();
    const sub = collect(client(h, 'viewer'), CHANGES);
    await sub.next(0);
    await new Promise((r) => setTimeout(r, 100)); // the subscription is registered server-side
    const id = await change();
    await sub.next(1);
    expect(sub.results[0]).toEqual({
      data: { incidentChanged: { cursor: id, kind: 'UPDATED', incident: { title: 'Search is slow' } } },
    });
  });

  it('refuses an anonymous subscriber with the code of the matching query, and a bad token at connection_init', async () => {
    const h = await harness();
    const anonymous = collect(client(h), CHANGES);
    await anonymous.failed();
    expect(anonymous.failure).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
    const forged = client(h, 'nobody');
    collect(forged, CHANGES);
    expect((await forged.closed).code).toBe(CLOSE.UNAUTHORIZED);
  });

  it('answers a query through the gateway as the socket’s principal, from its address, within its bucket', async () => {
    const h = await harness(
      {},
      { clientOf: () => '203.0.113.7', limiter: new RateLimiter({ perSecond: 0.01, burst: 1 }) },
    );
    const c = client(h, 'viewer:querier');
    const query = '{ incident(id: "INC-RTTEST1") { title } }';
    const answer = collect(c, query);
    await answer.next(1);
    expect(answer.results).toEqual([{ data: { incident: { title: 'Search is slow' } } }]);
    expect(graph.calls.find((call) => call.query === query)?.principal).toEqual({
      kind: 'user',
      id: 'user-querier',
      role: 'viewer',
      ip: '203.0.113.7',
    });
    // The bucket held one request: the next is refused as HTTP would refuse it, and the socket stays open.
    const again = collect(c, query);
    await again.failed();
    expect(again.failure).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }),
    ]);
    expect(h.realtime.stats().sockets).toBe(1);
  });

  it('caps subscriptions per socket', async () => {
    const h = await harness({ REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: 2 });
    const c = client(h, 'viewer');
    const subs = [collect(c, CHANGES), collect(c, CHANGES), collect(c, CHANGES)];
    await subs[2]!.failed();
    expect(subs[2]!.failure).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }),
    ]);
    expect(subs[0]!.failure).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.realtime.stats().subscribers).toBe(2);
  });

  it('ends the subscriptions of a token that is revoked, on the users event', async () => {
    const h = await harness();
    const c = client(h, 'viewer:revokable');
    const sub = collect(c, CHANGES);
    await new Promise((r) => setTimeout(r, 100));
    auth.revoked.add('viewer:revokable');
    const started = Date.now();
    await appendEvent(redis, prefix, 'users', 'token.revoked', 'tok-1', { ownerId: 'user-revokable' });
    expect((await c.closed).code).toBe(CLOSE.UNAUTHORIZED);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(sub.results).toEqual([]);
  });

  it('ends the subscriptions of a token that expires, on the periodic re-check', async () => {
    const h = await harness({ REALTIME_RECHECK_MS: 100 });
    const c = client(h, 'viewer:expiring');
    collect(c, CHANGES);
    await new Promise((r) => setTimeout(r, 150));
    auth.revoked.add('viewer:expiring');
    expect((await c.closed).code).toBe(CLOSE.UNAUTHORIZED);
  });

  it('ends the sockets of a user who changed their password, on the users event', async () => {
    const h = await harness({ REALTIME_RECHECK_MS: 60_000 });
    const c = client(h, 'viewer:rekeyed');
    collect(c, CHANGES);
    await new Promise((r) => setTimeout(r, 100));
    auth.revoked.add('viewer:rekeyed');
    const started = Date.now();
    await appendEvent(redis, prefix, 'users', 'user.updated', 'user-rekeyed', { fields: ['password'] });
    expect((await c.closed).code).toBe(CLOSE.UNAUTHORIZED);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('ends the subscriptions of a token the moment it expires, without waiting for the sweep', async () => {
    const h = await harness({ REALTIME_RECHECK_MS: 60_000 });
    const expiresAt = Date.now() + 400;
    auth.expiries.set('viewer:short-lived', expiresAt);
    const c = client(h, 'viewer:short-lived');
    collect(c, CHANGES);
    expect((await c.closed).code).toBe(CLOSE.UNAUTHORIZED);
    const late = Date.now() - expiresAt;
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(500);
  });

  it('makes a socket whose role changed reconnect', async () => {
    const h = await harness();
    const c = client(h, 'manager:demoted');
    collect(c, CHANGES);
    await new Promise((r) => setTimeout(r, 100));
    auth.roles.set('manager:demoted', 'viewer');
    await appendEvent(redis, prefix, 'users', 'user.role_changed', 'user-demoted', { role: 'viewer' });
    expect((await c.closed).code).toBe(CLOSE.ACCESS_CHANGED);
  });

  it('closes a slow consumer with 1013 (try again later) without holding up the others', async () => {
    // Big payloads so the paused client's socket backs up quickly.
    graph.incidents.set(INCIDENT, { ...graph.incidents.get(INCIDENT)!, title: 'x'.repeat(64 * 1024) });
    const h = await harness({ REALTIME_MAX_QUEUED: 20, REALTIME_MAX_BUFFERED_BYTES: 256 * 1024 });
    const fast = collect(client(h, 'viewer'), CHANGES);

    // A raw graphql-ws peer that stops reading after subscribing.
    const slow = new WebSocket(h.url, 'graphql-transport-ws');
    await new Promise((r) => slow.once('open', r));
    slow.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer viewer' } }));
    await new Promise((r) => slow.once('message', r));
    slow.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: CHANGES } }));
    const slowClosed = new Promise<number>((r) => slow.once('close', (code) => r(code)));
    await new Promise((r) => setTimeout(r, 100));
    const socket = (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    expect(h.realtime.stats()).toMatchObject({ sockets: 2, subscribers: 2 });

    const events = 200;
    const sending = (async () => {
      for (let i = 0; i < events; i++) await change();
    })();
    // The server gives up on the slow subscriber at once; the peer reads again within the second the server waits
    // before cutting the connection, so the close frame queued behind the backlog reaches it: 1013, try again later.
    await vi.waitFor(() => expect(h.realtime.stats().subscribers).toBe(1), { timeout: 10_000, interval: 5 });
    socket.resume();
    expect(await slowClosed).toBe(CLOSE.SLOW_CONSUMER);
    await sending;
    await fast.next(events, 10_000);
    expect(fast.results).toHaveLength(events);
    expect(h.realtime.stats().sockets).toBe(1);
    graph.incidents.set(INCIDENT, { ...graph.incidents.get(INCIDENT)!, title: 'Search is slow' });
  });

  it('runs side by side with another realtime process: both deliver every event to their own clients', async () => {
    const [a, b] = [await harness(), await harness()];
    const onA = collect(client(a, 'viewer'), CHANGES);
    const onB = collect(client(b, 'viewer'), CHANGES);
    await new Promise((r) => setTimeout(r, 100));
    const ids = [await change('incident.created'), await change('incident.status_changed')];
    await onA.next(2);
    await onB.next(2);
    const cursors = (s: typeof onA) =>
      s.results.map((r) => (r.data as { incidentChanged: { cursor: string } }).incidentChanged.cursor);
    expect(cursors(onA)).toEqual(ids);
    expect(cursors(onB)).toEqual(ids);
  });

  it('refuses to resume from a cursor older than the events the stream still keeps', async () => {
    const h = await harness();
    const stream = `${prefix}:incidents:events`;
    const old = await change();
    await change();
    await redis.xtrim(stream, 'MAXLEN', 1);
    const sub = collect(
      client(h, 'viewer'),
      `subscription($after: String) { incidentChanged(after: $after) { cursor } }`,
      {
        after: old,
      },
    );
    await sub.failed();
    expect(sub.failure).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }),
    ]);
  });

  it('pings idle sockets and drops a peer that stops answering', async () => {
    const h = await harness({ REALTIME_KEEP_ALIVE_MS: 100 });
    const open = async (autoPong: boolean) => {
      const ws = new WebSocket(h.url, 'graphql-transport-ws', { autoPong });
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer viewer' } }));
      await new Promise((r) => ws.once('message', r));
      return ws;
    };
    const [alive, dead] = [await open(true), await open(false)];
    let pings = 0;
    alive.on('ping', () => pings++);
    const deadClosed = new Promise<number>((r) => dead.once('close', (code) => r(code)));
    expect(await deadClosed).toBe(1006); // terminated, no close frame
    expect(pings).toBeGreaterThan(0);
    expect(alive.readyState).toBe(WebSocket.OPEN);
    alive.close();
  });
});
