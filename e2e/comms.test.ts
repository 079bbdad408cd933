import { loadSpec } from '@polystatus/rest-kit';
import { responseChecker } from '@polystatus/rest-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin } from '../bench/support/graphql.ts';
import { COMMS_SWAGGER } from '../rest-adapters/comms/src/server.ts';
import { parseFeed } from '../subgraphs/csp/src/formats/index.ts';
import { call, fieldsOf, graphql, type HttpAnswer, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The comms core through the whole stack (launcher, gateway, incidents and comms subgraphs, the REST adapter):
 * the announce route valid and invalid, the public status without a token, the incidents stream moving the public
 * page, and the loop the issue asks for: the Statuspage JSON and the Atom feed PolyStatus serves, read by the CSP
 * ingestor's own parsers (subgraphs/csp/src/formats) and compared field for field with what was published.
 */

let stack: Stack;
let token = '';
let rest = '';
const check = responseChecker(loadSpec(COMMS_SWAGGER));
const documented = (operationId: string, answer: HttpAnswer) => {
  expect(check(operationId, answer.status, answer.body)).toEqual([]);
  return answer;
};
const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const { data, errors } = await graphql(stack.graphqlUrl, query, variables, token);
  if (errors?.length) throw new Error(JSON.stringify(errors));
  return data as Json;
};

async function eventually<T>(what: string, read: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${stack.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  stack = await startStack({
    env: { RATE_LIMIT_PER_SECOND: '0', COMMS_PAGE_URL: 'https://status.example.com' },
  });
  token = (await loginAdmin(stack)).auth.authorization!.slice('Bearer '.length);
  rest = stack.urls['rest-comms']!;
}, 120_000);

afterAll(() => stack?.stop());

describe('POST /api/v1/public/announce', () => {
  it('201 {ts, message, state}; 400 on an invalid state or an empty message; 404 on an unknown incident; 401 without a token', async () => {
    const incident = (
      await gql('mutation { createIncident(input: { title: "EU API latency", sev: 2 }) { id } }')
    ).createIncident.id as string;
    const before = Math.floor(Date.now() / 1000);
    const ok = documented(
      'publishAnnouncement',
      await call('POST', `${rest}/api/v1/public/announce`, {
        token,
        body: { incident_id: incident, message: 'We are looking into it.', state: 'investigating' },
      }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ message: 'We are looking into it.', state: 'investigating' });
    expect(ok.body.ts).toBeGreaterThanOrEqual(before);

    const badState = documented(
      'publishAnnouncement',
      await call('POST', `${rest}/api/v1/public/announce`, {
        token,
        body: { incident_id: incident, message: 'x', state: 'panicking' },
      }),
    );
    expect([badState.status, fieldsOf(badState)]).toEqual([400, ['state']]);
    const empty = documented(
      'publishAnnouncement',
      await call('POST', `${rest}/api/v1/public/announce`, {
        token,
        body: { incident_id: incident, message: '   ', state: 'identified' },
      }),
    );
    expect([empty.status, fieldsOf(empty)]).toEqual([400, ['message']]);
    const unknown = documented(
      'publishAnnouncement',
      await call('POST', `${rest}/api/v1/public/announce`, {
        token,
        body: { incident_id: 'INC-NOSUCH', message: 'x', state: 'identified' },
      }),
    );
    expect(unknown.status).toBe(404);
    const anonymous = await call('POST', `${rest}/api/v1/public/announce`, {
      body: { incident_id: incident, message: 'x', state: 'identified' },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('the public page', () => {
  let incident = '';
  let component = '';

  it('GET /api/v1/public/status needs no token, shows the latest public word, and follows the incident', async () => {
    component = (await gql('mutation { createComponent(input: { name: "Checkout" }) { id } }'))
      .createComponent.id;
    incident = (await gql('mutation { createIncident(input: { title: "Checkout errors", sev: 1 }) { id } }'))
      .createIncident.id;
    await call('POST', `${rest}/api/v1/public/announce`, {
      token,
      body: {
        incident_id: incident,
        message: 'Payments fail for some customers.',
        state: 'identified',
        impacts: [{ component_id: component, status: 'major_outage' }],
      },
    });
    const entry = await eventually('the incident on the public status', async () => {
      const answer = documented('getPublicStatus', await call('GET', `${rest}/api/v1/public/status`));
      return (answer.body as Json[]).find((i) => i.id === incident && i.last_public);
    });
    expect(entry).toEqual({
      id: incident,
      title: 'Checkout errors',
      sev: 1,
      status: 'open',
      last_public: {
        ts: expect.any(Number),
        message: 'Payments fail for some customers.',
        state: 'identified',
      },
    });

    const first = await fetch(`${rest}/api/v1/public/status`);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=15, stale-while-revalidate=60, stale-if-error=86400',
    );
    expect((await fetch(`${rest}/api/v1/public/status`, { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );

    // The incidents domain resolves it: comms learns it from the stream, the page follows, the component recovers.
    await gql(`mutation { changeIncidentStatus(id: "${incident}", status: MITIGATED) { id } }`);
    await gql(`mutation { changeIncidentStatus(id: "${incident}", status: RESOLVED) { id } }`);
    await eventually('the resolution on the public status', async () => {
      const answer = await call('GET', `${rest}/api/v1/public/status`);
      return (answer.body as Json[]).find((i) => i.id === incident && i.status === 'resolved');
    });
  });

  it('its Statuspage JSON and Atom feed read by the CSP ingestor’s own parsers, field for field', async () => {
    const summary = await call('GET', `${rest}/api/v2/incidents.json`);
    const parsed = parseFeed('statuspage', JSON.stringify(summary.body), {
      now: Date.now(),
      url: `${rest}/api/v2/incidents.json`,
      contentType: 'application/json',
    });
    const published = (summary.body.incidents as Json[]).find((i) => i.id === incident);
    const event = parsed.events.find((e) => e.upstreamId === incident)!;
    expect(event).toMatchObject({
      kind: 'incident',
      title: 'Checkout errors',
      status: 'resolved',
      impact: 'critical',
      startedAt: Date.parse(published.started_at),
      resolvedAt: Date.parse(published.resolved_at),
      url: published.shortlink,
    });
    expect(event.updates.map((u) => u.body)).toEqual(
      [...published.incident_updates].reverse().map((u: Json) => u.body),
    );
    expect(event.updates[0]!.componentChanges).toEqual([
      { name: 'Checkout', from: 'operational', to: 'major_outage' },
    ]);

    const components = await call('GET', `${rest}/api/v2/components.json`);
    const states = parseFeed('statuspage', JSON.stringify(components.body), { now: Date.now() }).components;
    expect(states.find((c) => c.name === 'Checkout')).toEqual({ name: 'Checkout', status: 'operational' });

    const atom = await fetch(`${rest}/history.atom`);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseFeed('atom', await atom.text(), {
      now: Date.now(),
      contentType: 'application/atom+xml',
    });
    const entry = feed.events.find((e) => e.url?.endsWith(`/incidents/${incident}`))!;
    expect(entry.title).toBe('Checkout errors');
    expect(entry.updates.map((u) => u.body)).toEqual(event.updates.map((u) => u.body));
    expect(entry.updates.map((u) => u.status)).toEqual(event.updates.map((u) => u.status));
  });
});
