import { createLogger } from '@polystatus/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './formats/testing/fixtures.ts';
import { linkDueEvents } from './service/link-incidents.ts';
import { FakeIncidents } from './testing/fake-incidents.ts';
import { type FeedServer, startFeedServer } from './testing/feed-server.ts';
import { type CspHarness, startCsp } from './testing/harness.ts';
import { EVENTS, REFRESH, REGISTER } from './testing/operations.ts';

/**
 * Incidents from events, against an in-memory incidents domain with the real one's idempotency: opened once per
 * upstream event whatever happens, upstream updates appended once each, the resolution recorded, a gateway outage
 * retried with backoff, and the rules (impact, declared dependencies) respected.
 */
let feeds: FeedServer;
let csp: CspHarness;
let now = Date.parse('2026-11-27T12:00:00Z');
const incidents = new FakeIncidents();
const logger = createLogger('linker-test', 'silent');

beforeAll(async () => {
  feeds = await startFeedServer();
  csp = await startCsp({ service: { clock: () => now, incidents } });
});
afterAll(async () => {
  await csp?.close();
  await feeds?.close();
});

const summary = () =>
  JSON.parse(fixture('statuspage/github-summary-2022-11-25-active-incident.json').toString('utf8')) as {
    incidents: {
      status: string;
      resolved_at: string | null;
      updated_at: string;
      incident_updates: Record<string, unknown>[];
    }[];
  };

async function refresh(id: string) {
  const res = await csp.gql<{ refreshProvider: { error: string | null } }>(REFRESH, { id });
  expect(res.errors).toBeUndefined();
  expect(res.data!.refreshProvider.error).toBeNull();
}

const link = () => linkDueEvents(csp.service.deps, logger);

async function eventOf(provider: string) {
  const res = await csp.gql<{ cspEvents: { nodes: { id: string; incidentId: string | null }[] } }>(EVENTS, {
    filter: { providers: [provider] },
  });
  return res.data!.cspEvents.nodes;
}

describe('incidents opened from providers events', () => {
  it('opens one incident per upstream event and appends each upstream update, the resolution included, once', async () => {
    const doc = summary();
    feeds.set('/gh/summary.json', { body: JSON.stringify(doc) });
    await csp.gql(REGISTER, {
      input: { name: 'gh', feedUrl: `${feeds.url}/gh/summary.json`, type: 'STATUSPAGE' },
    });
    await csp.gql(
      /* GraphQL */ `mutation { setServiceDependencies(service: "artifacts", dependencies: [{ providerId: "gh", components: ["Packages"] }]) { service } }`,
    );
    await refresh('gh');

    // The gateway is down for the first attempt: nothing is lost, the event waits for its retry.
    incidents.failNext = 1;
    expect(await link()).toBe(0);
    expect(incidents.incidents.size).toBe(0);
    expect(await link()).toBe(0); // not due again before the backoff
    now += 10_000;
    expect(await link()).toBe(1);

    expect(incidents.incidents.size).toBe(1);
    const { id: incidentId, plan } = [...incidents.incidents.values()][0]!;
    expect(plan).toMatchObject({
      sev: 2,
      services: ['artifacts'],
      title: 'gh: Incident with Packages and Pages',
    });
    expect(incidents.timeline.get(incidentId)).toHaveLength(7);
    const [event] = await eventOf('gh');
    expect(event!.incidentId).toBe(incidentId);

    // Federated: the incident lists the event.
    const entities = await csp.gql<{ _entities: { cspEvents: { id: string }[] }[] }>(
      /* GraphQL */ `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { cspEvents { id } } } }`,
      { r: [{ __typename: 'Incident', id: incidentId }] },
      { role: 'viewer' },
    );
    expect(entities.data!._entities[0]!.cspEvents.map((e) => e.id)).toEqual([event!.id]);

    // A new upstream update: appended once; no second incident.
    const incident = doc.incidents[0]!;
    const update = {
      ...incident.incident_updates[0],
      id: 'upd-identified',
      status: 'identified',
      body: 'We found the cause.',
      created_at: '2022-11-25T16:05:00.000Z',
      updated_at: '2022-11-25T16:05:00.000Z',
      display_at: '2022-11-25T16:05:00.000Z',
    };
    incident.incident_updates.unshift(update);
    incident.status = 'identified';
    incident.updated_at = '2022-11-25T16:05:00.000Z';
    feeds.set('/gh/summary.json', { body: JSON.stringify(doc) });
    await refresh('gh');
    await link();
    await link();
    expect(incidents.incidents.size).toBe(1);
    expect(incidents.timeline.get(incidentId)!.at(-1)).toMatchObject({
      status: 'identified',
      message: 'We found the cause.',
    });
    expect(incidents.timeline.get(incidentId)).toHaveLength(8);

    // It leaves the summary (which lists open incidents only): the resolution is recorded on the timeline.
    feeds.set('/gh/summary.json', { body: JSON.stringify({ ...doc, incidents: [] }) });
    now += 60_000;
    await refresh('gh');
    await link();
    expect(incidents.timeline.get(incidentId)!.at(-1)).toMatchObject({ status: 'resolved' });
    expect(incidents.timeline.get(incidentId)).toHaveLength(9);
    expect(incidents.incidents.size).toBe(1);
  });

  it('opens nothing for a minor event that touches none of our dependencies, nor for one already closed', async () => {
    feeds.set('/twilio/summary.json', { body: fixture('statuspage/twilio-summary-2020-06-16-active.json') });
    await csp.gql(REGISTER, {
      input: { name: 'twilio', feedUrl: `${feeds.url}/twilio/summary.json`, type: 'STATUSPAGE' },
    });
    await refresh('twilio');
    const before = incidents.openCalls;
    await link();
    expect(incidents.openCalls).toBe(before);
    expect((await eventOf('twilio')).every((e) => e.incidentId === null)).toBe(true);
  });
});
