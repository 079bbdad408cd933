import { parseEvent } from '@polystatus/contracts';
import { createLogger, envelopeFromFields } from '@polystatus/kit';
import { startPausableProxy, TEST_REDIS_URL, testRedis } from '@polystatus/kit/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './formats/testing/fixtures.ts';
import { cspKeys } from './keys.ts';
import { linkDueEvents } from './service/link-incidents.ts';
import { FakeIncidents } from './testing/fake-incidents.ts';
import { type FeedServer, startFeedServer } from './testing/feed-server.ts';
import { type CspHarness, startCsp } from './testing/harness.ts';
import { REFRESH, REGISTER } from './testing/operations.ts';

/** Every write of the domain appends envelopes that hold exactly what the csp contract declares. */
let feeds: FeedServer;
let csp: CspHarness;
let redis: Redis;

beforeAll(async () => {
  redis = testRedis();
  feeds = await startFeedServer();
  csp = await startCsp({ service: { incidents: new FakeIncidents() } });
});
afterAll(async () => {
  await csp?.close();
  await feeds?.close();
  await redis?.quit();
});

describe('the csp event stream', () => {
  it('carries created, updated, resolved and incident-linked events, each as the contract declares', async () => {
    // A summary.json lists open incidents only, so the incident leaving it resolves it (the path says which).
    const doc = JSON.parse(
      fixture('statuspage/github-summary-2022-11-25-active-incident.json').toString('utf8'),
    );
    feeds.set('/stream/summary.json', { body: JSON.stringify(doc) });
    await csp.gql(REGISTER, {
      input: { name: 'stream', feedUrl: `${feeds.url}/stream/summary.json`, type: 'JSON' },
    });
    await csp.gql(REFRESH, { id: 'stream' });
    await linkDueEvents(csp.service.deps, createLogger('t', 'silent'));
    doc.incidents[0].impact = 'critical';
    doc.incidents[0].updated_at = '2022-11-25T17:00:00.000Z';
    feeds.set('/stream/summary.json', { body: JSON.stringify(doc) });
    await csp.gql(REFRESH, { id: 'stream' });
    feeds.set('/stream/summary.json', { body: JSON.stringify({ ...doc, incidents: [] }) });
    await csp.gql(REFRESH, { id: 'stream' });

    const entries = await redis.xrange(cspKeys(csp.prefix).events, '-', '+');
    const events = entries.map(([, fields]) => parseEvent('csp', envelopeFromFields(fields)));
    expect(events.map((e) => e.type)).toEqual([
      'csp.event_created',
      'csp.incident_linked',
      'csp.event_updated',
      'csp.event_resolved',
    ]);
    expect(events.every((e) => e.data.providerId === 'stream' && e.subject === e.data.eventId)).toBe(true);
    expect(events.at(-1)!.data).toMatchObject({ active: false, reason: 'disappeared' });
  });

  it('answers a write during a Redis pause with UNAVAILABLE, and serves again once Redis answers', async () => {
    const proxy = await startPausableProxy(TEST_REDIS_URL);
    const paused = await startCsp({ env: { REDIS_URL: proxy.url, REDIS_COMMAND_TIMEOUT_MS: '300' } });
    try {
      const input = (name: string) => ({
        input: { name, feedUrl: `${feeds.url}/stream/summary.json`, type: 'JSON' },
      });
      expect((await paused.gql(REGISTER, input('before'))).errors).toBeUndefined();
      proxy.pause();
      const during = await paused.gql(REGISTER, input('during'));
      expect(during.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', retryAfter: 1 });
      proxy.resume();
      expect((await paused.gql(REGISTER, input('after'))).errors).toBeUndefined();
    } finally {
      proxy.resume();
      await paused.close();
      await proxy.close();
    }
  });
});
