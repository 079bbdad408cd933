import { readFileSync } from 'node:fs';
import { clientAddress, parseTrustedProxies } from '@polystatus/kit';
import { deletePrefix, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLOSE } from './close-codes.ts';
import type { RealtimeConfig } from './config.ts';
import { FakeGraph } from './test-support/fake-graph.ts';
import {
  appendEvent,
  type Closed,
  collect,
  FakeAuthenticator,
  type Harness,
  startHarness,
  wsClient,
} from './test-support/realtime-harness.ts';

/**
 * Issue 17: one client cannot hold the gateway's sockets. Client addresses are told apart as the gateway tells
 * them: X-Forwarded-For from a trusted proxy (loopback here), so one test process plays several clients.
 */
const SUPERGRAPH = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const prefix = uniquePrefix('realtime-admission');
const redis = testRedis();
const graph = new FakeGraph(SUPERGRAPH);
const auth = new FakeAuthenticator();
const trusted = parseTrustedProxies('127.0.0.0/8,::1/128');
const INCIDENT = 'INC-ADMIT01';
const harnesses: Harness[] = [];
const clients: { dispose(): void | Promise<void> }[] = [];

graph.incidents.set(INCIDENT, { id: INCIDENT, title: 'Admission', sev: 2, commanderId: null, timeline: [] });

const harness = async (config: Partial<RealtimeConfig>) => {
  const h = await startHarness({
    supergraphSdl: SUPERGRAPH,
    graph,
    authenticator: auth,
    keyPrefix: prefix,
    config,
    operations: {
      clientOf: (request) =>
        clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted),
    },
  });
  harnesses.push(h);
  return h;
};

/** A socket from `address`; resolves once acknowledged, or with how it was closed. */
async function connect(h: Harness, address: string, token?: string) {
  const c = wsClient(h.url, token, { 'x-forwarded-for': address });
  clients.push(c);
  const acked = new Promise<'open'>((resolve) => c.on('connected', () => resolve('open')));
  const outcome = await Promise.race([acked, c.closed]);
  return { client: c, outcome };
}

const refusedWith = (outcome: 'open' | Closed) => (outcome === 'open' ? 'open' : outcome.code);

afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
  for (const h of harnesses.splice(0)) await h.close();
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('socket admission', () => {
  it('refuses one address past its cap while a second address connects and receives events', async () => {
    const h = await harness({ REALTIME_MAX_SOCKETS_PER_ADDRESS: 3 });
    for (let i = 0; i < 3; i++) expect((await connect(h, '203.0.113.1', 'viewer')).outcome).toBe('open');
    const fourth = await connect(h, '203.0.113.1', 'viewer');
    expect(fourth.outcome).toEqual({
      code: CLOSE.TRY_AGAIN_LATER,
      reason: expect.stringContaining('too many sockets from this address'),
    });

    const other = await connect(h, '203.0.113.2', 'viewer');
    expect(other.outcome).toBe('open');
    const sub = collect(other.client, 'subscription { incidentChanged { kind incident { title } } }');
    await new Promise((r) => setTimeout(r, 100)); // registered server-side
    await appendEvent(redis, prefix, 'incidents', 'incident.updated', INCIDENT, {
      incidentId: INCIDENT,
      version: 2,
      timelineEntryId: '1-1',
    });
    await sub.next(1);
    expect(sub.results[0]).toEqual({
      data: { incidentChanged: { kind: 'UPDATED', incident: { title: 'Admission' } } },
    });
  });

  it('keeps answering HTTP while one client holds every socket the process allows', async () => {
    const h = await harness({ REALTIME_MAX_SOCKETS: 4, REALTIME_MAX_SOCKETS_PER_ADDRESS: 10 });
    for (let i = 0; i < 4; i++) expect((await connect(h, '203.0.113.3', 'viewer')).outcome).toBe('open');
    const { outcome } = await connect(h, '203.0.113.4', 'viewer');
    expect(outcome).toEqual({
      code: CLOSE.TRY_AGAIN_LATER,
      reason: expect.stringContaining('maximum of sockets'),
    });
    const started = performance.now();
    const res = await fetch(h.url.replace('ws:', 'http:'));
    expect(res.status).toBe(404); // the harness's HTTP handler answered, promptly
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses connection attempts faster than an address may make them', async () => {
    const h = await harness({ REALTIME_CONNECTS_PER_SECOND: 0.5, REALTIME_CONNECT_BURST: 2 });
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push(refusedWith((await connect(h, '203.0.113.5', 'viewer')).outcome));
    expect(outcomes).toEqual(['open', 'open', CLOSE.TRY_AGAIN_LATER]);
    expect(refusedWith((await connect(h, '203.0.113.6', 'viewer')).outcome)).toBe('open');
  });

  it('counts anonymous sockets against a smaller cap; signing in still gets a socket', async () => {
    const h = await harness({ REALTIME_MAX_ANONYMOUS_PER_ADDRESS: 2 });
    expect((await connect(h, '203.0.113.7')).outcome).toBe('open');
    expect((await connect(h, '203.0.113.7')).outcome).toBe('open');
    const third = await connect(h, '203.0.113.7');
    expect(third.outcome).toEqual({
      code: CLOSE.TRY_AGAIN_LATER,
      reason: expect.stringContaining('too many anonymous sockets'),
    });
    expect((await connect(h, '203.0.113.7', 'viewer')).outcome).toBe('open');
    expect(h.realtime.stats()).toMatchObject({ anonymousSockets: 2, signedInSockets: 1 });
  });

  it('closes an anonymous socket that holds no subscription, and keeps an idle signed-in one', async () => {
    const h = await harness({ REALTIME_ANONYMOUS_IDLE_MS: 300, REALTIME_KEEP_ALIVE_MS: 100 });
    const anonymous = await connect(h, '203.0.113.8');
    const signedIn = await connect(h, '203.0.113.8', 'viewer');
    expect(anonymous.outcome).toBe('open');
    expect(signedIn.outcome).toBe('open');
    const closed = await anonymous.client.closed;
    expect(closed).toEqual({ code: CLOSE.IDLE, reason: expect.stringContaining('Idle') });
    // Several keep-alive rounds later the signed-in socket is still there.
    const stillOpen = await Promise.race([
      signedIn.client.closed.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), 700)),
    ]);
    expect(stillOpen).toBe(true);
    expect(h.realtime.stats()).toMatchObject({ anonymousSockets: 0, signedInSockets: 1 });
  });
});
