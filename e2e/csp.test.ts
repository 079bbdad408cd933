import { loadSpec } from '@polystatus/rest-kit';
import { responseChecker } from '@polystatus/rest-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loginAdmin } from '../bench/support/graphql.ts';
import { CSP_SWAGGER } from '../rest-adapters/csp/src/server.ts';
import { fixture } from '../subgraphs/csp/src/formats/testing/fixtures.ts';
import { type FeedServer, startFeedServer } from '../subgraphs/csp/src/testing/feed-server.ts';
import { call, graphql, type HttpAnswer, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The csp domain through the whole stack, with a status page served from this test over local HTTP: the REST
 * adapter (each answer checked against swaggers/csp.yaml), the gateway's view of providers and events, the
 * incident the poller's linker opens through the graph as the csp service (once, with the upstream updates on its
 * timeline, `Incident.cspEvents` and `CspEvent.incident` across subgraphs), and `cspEventChanged` over graphql-ws.
 */
let stack: Stack;
let feeds: FeedServer;
let token = '';
let rest = '';
let live: ReturnType<typeof subscribe>;
const check = responseChecker(loadSpec(CSP_SWAGGER));

beforeAll(async () => {
  feeds = await startFeedServer();
  stack = await startStack({ env: { RATE_LIMIT_PER_SECOND: '0', CSP_TICK_MS: '200' } });
  const session = await loginAdmin(stack);
  token = session.auth.authorization!.slice('Bearer '.length);
  rest = stack.urls['rest-csp']!;
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await feeds?.close();
});

const documented = (operationId: string, answer: HttpAnswer) => {
  expect(check(operationId, answer.status, answer.body)).toEqual([]);
  return answer;
};

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await graphql(stack.graphqlUrl, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
};

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const summary = () =>
  JSON.parse(fixture('statuspage/github-summary-2022-11-25-active-incident.json').toString('utf8'));

/** A graphql-ws subscription (protocol graphql-transport-ws), collecting each `next` payload's data. */
function subscribe(query: string, variables: Record<string, unknown>) {
  const received: Json[] = [];
  const ws = new WebSocket(stack.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        resolve();
      } else if (msg.type === 'next') received.push(msg.payload.data);
      else if (msg.type === 'error') reject(new Error(JSON.stringify(msg.payload)));
    });
    ws.on('error', reject);
  });
  return { ready, received, close: () => ws.close() };
}

describe('cloud providers end to end', () => {
  it('registers (201), refuses a duplicate (409) and bad input naming the field (400)', async () => {
    // Subscribed before the provider exists: the poller reads a new provider at once.
    live = subscribe(
      'subscription($f: CspEventChangeFilter) { cspEventChanged(filter: $f) { kind providerId active cspEvent { title status } } }',
      { f: { providers: ['github'] } },
    );
    await live.ready;
    feeds.set('/github/api/v2/summary.json', { body: JSON.stringify(summary()) });
    const created = documented(
      'registerProvider',
      await call('POST', `${rest}/api/v1/csp/providers`, {
        token,
        body: {
          name: 'github',
          feed_url: `${feeds.url}/github/api/v2/summary.json`,
          type: 'json',
          interval_seconds: 3600,
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'github',
      type: 'json',
      enabled: true,
      interval_seconds: 3600,
    });

    const again = await call('POST', `${rest}/api/v1/csp/providers`, {
      token,
      body: { name: 'github', feed_url: `${feeds.url}/x`, type: 'rss' },
    });
    expect(again.status).toBe(409);
    const bad = await call('POST', `${rest}/api/v1/csp/providers`, {
      token,
      body: { name: 'other', feed_url: 'not a url', type: 'xml' },
    });
    expect([bad.status, bad.body.error.details.map((d: { field: string }) => d.field).sort()]).toEqual([
      400,
      ['type'],
    ]);
    const url = await call('POST', `${rest}/api/v1/csp/providers`, {
      token,
      body: { name: 'other', feed_url: 'not a url', type: 'rss' },
    });
    expect([url.status, url.body.error.details.map((d: { field: string }) => d.field)]).toEqual([
      400,
      ['feed_url'],
    ]);
    const anonymous = await call('POST', `${rest}/api/v1/csp/providers`, {
      body: { name: 'anon', feed_url: `${feeds.url}/x`, type: 'rss' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('refreshes (200 with the result; 400 for an unknown provider) and lists events through REST and the gateway', async () => {
    const refreshed = documented(
      'refreshProvider',
      await call('POST', `${rest}/api/v1/csp/refresh?provider=github`, { token }),
    );
    // The poller reads a new provider at once, so this refresh may find the feed unchanged (a conditional 304).
    expect(refreshed.body).toMatchObject({ provider: 'github', error: null, circuit: 'closed' });
    expect(refreshed.body.not_modified ? 304 : 200).toBe(refreshed.body.http_status);
    const unknown = await call('POST', `${rest}/api/v1/csp/refresh?provider=nope`, { token });
    expect([unknown.status, unknown.body.error.details[0].field]).toEqual([400, 'provider']);

    const active = documented(
      'listEvents',
      await call('GET', `${rest}/api/v1/csp/events?active=true&provider=github`, { token }),
    );
    expect(active.body).toHaveLength(1);
    expect(active.body[0]).toMatchObject({
      provider: 'github',
      service: 'Packages',
      title: 'Incident with Packages and Pages',
      status: 'investigating',
      impact: 'major',
      ts_start: Math.floor(Date.parse('2022-11-25T14:39:09.542Z') / 1000),
    });
    const closed = documented(
      'listEvents',
      await call('GET', `${rest}/api/v1/csp/events?active=false&provider=github`, { token }),
    );
    expect(closed.body).toEqual([]);

    const data = await gql(
      '{ provider(id: "github") { health { circuit reachable lastHttpStatus } components { name status } pollerId } cspEvents(filter: { providers: ["github"] }) { nodes { title updates { status } } } }',
    );
    expect(data.provider.health).toMatchObject({ circuit: 'CLOSED', reachable: true });
    expect(data.provider.components.length).toBeGreaterThan(0);
    expect(data.cspEvents.nodes[0].updates).toHaveLength(7);

    const seen = await eventually(
      async () => live.received,
      (r) => r.some((d: Json) => d.cspEventChanged.kind === 'CREATED'),
    );
    live.close();
    expect(seen.find((d: Json) => d.cspEventChanged.kind === 'CREATED').cspEventChanged).toMatchObject({
      providerId: 'github',
      active: true,
      cspEvent: { title: 'Incident with Packages and Pages', status: 'INVESTIGATING' },
    });
  });

  it('opens one incident for the major event, as the csp service, with the upstream updates on its timeline', async () => {
    const INCIDENT = `{ cspEvents(filter: { providers: ["github"] }) { nodes { id incident { id source title sev createdById
      timeline(first: 100) { nodes { type message } } cspEvents { id } } } } }`;
    const upstream = (d: Json) =>
      d.cspEvents.nodes[0].incident?.timeline.nodes.filter((n: Json) => n.type === 'UPSTREAM_UPDATE') ?? [];
    const first = await eventually(
      () => gql(INCIDENT),
      (d) => upstream(d).length === 7,
    );
    const event = first.cspEvents.nodes[0];
    expect(event.incident).toMatchObject({
      source: 'CSP',
      sev: 2,
      createdById: 'system:csp',
      title: 'github: Incident with Packages and Pages',
    });
    expect(event.incident.cspEvents).toEqual([{ id: event.id }]);

    // A new upstream update: appended to the same incident, never a second incident.
    const doc = summary();
    doc.incidents[0].incident_updates.unshift({
      ...doc.incidents[0].incident_updates[0],
      id: 'e2e-identified',
      status: 'identified',
      body: 'The cause is identified.',
      created_at: '2022-11-25T16:30:00.000Z',
    });
    doc.incidents[0].status = 'identified';
    doc.incidents[0].updated_at = '2022-11-25T16:30:00.000Z';
    feeds.set('/github/api/v2/summary.json', { body: JSON.stringify(doc) });
    const refreshed = await call('POST', `${rest}/api/v1/csp/refresh?provider=github`, { token });
    expect(refreshed.body).toMatchObject({ updated: 1, new: 0 });
    const second = await eventually(
      () => gql(INCIDENT),
      (d) => upstream(d).length === 8,
    );
    expect(upstream(second).at(-1).message).toContain('The cause is identified.');
    expect(second.cspEvents.nodes[0].incident.id).toBe(event.incident.id);
    const csp = await gql('{ incidents(filter: { source: CSP }) { nodes { id } } }');
    expect(csp.incidents.nodes).toEqual([{ id: event.incident.id }]);
  });

  it('opens an internal incident with source csp through POST /api/v1/incidents (201)', async () => {
    const created = documented(
      'createCspIncident',
      await call('POST', `${rest}/api/v1/incidents`, {
        token,
        body: {
          title: 'Cloudflare CDN errors in Europe',
          sev: 2,
          source: 'csp',
          services: ['cdn'],
          summary: 'From the CSP watcher',
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Cloudflare CDN errors in Europe',
      sev: 2,
      status: 'open',
      source: 'csp',
      services: ['cdn'],
    });
    const wrong = await call('POST', `${rest}/api/v1/incidents`, {
      token,
      body: { title: 't', sev: 2, source: 'manual' },
    });
    expect([wrong.status, wrong.body.error.details[0].field]).toEqual([400, 'source']);
  });
});
