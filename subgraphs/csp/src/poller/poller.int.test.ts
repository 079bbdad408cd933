import { createLogger } from '@polystatus/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../formats/testing/fixtures.ts';
import { type FeedServer, startFeedServer } from '../testing/feed-server.ts';
import { type CspHarness, startCsp } from '../testing/harness.ts';
import { PROVIDER, REGISTER } from '../testing/operations.ts';
import { Poller } from './poller.ts';

/**
 * Two pollers over one Redis (as two replicas would be): one lease per provider, so each poll happens once; the
 * lease moves when its holder stops renewing it; the schedule, conditional requests and the circuit breaker.
 */
let feeds: FeedServer;
let csp: CspHarness;
let now = Date.parse('2026-11-27T12:00:00Z');
const logger = createLogger('poller-test', 'silent');
const LEASE_TTL_MS = 400;

beforeAll(async () => {
  feeds = await startFeedServer();
  csp = await startCsp({ service: { clock: () => now } });
});
afterAll(async () => {
  await csp?.close();
  await feeds?.close();
});

const poller = (holder: string) =>
  new Poller(csp.service.deps, { tickMs: 50, leaseTtlMs: LEASE_TTL_MS, jitter: 0, logger, holder });

async function tick(...pollers: Poller[]) {
  for (const p of pollers) await p.tick();
  await Promise.all(pollers.map((p) => p.settled()));
}

const health = async (id: string) =>
  (
    await csp.gql<{
      provider: { pollerId: string | null; health: { circuit: string; consecutiveFailures: number } };
    }>(PROVIDER, { id }, { role: 'viewer' })
  ).data!.provider;

describe('polling with several replicas', () => {
  it('polls each provider from one replica only, and moves the provider when that replica dies', async () => {
    feeds.set('/lease/summary.json', {
      body: fixture('statuspage/github-summary-2022-11-25-active-incident.json'),
    });
    const reg = await csp.gql(REGISTER, {
      input: {
        name: 'lease-p',
        feedUrl: `${feeds.url}/lease/summary.json`,
        type: 'STATUSPAGE',
        intervalSeconds: 10,
      },
    });
    expect(reg.errors).toBeUndefined();
    const a = poller('replica-a');
    const b = poller('replica-b');

    await tick(a, b);
    expect(feeds.hits('/lease/summary.json')).toBe(1);
    expect(a.leases.has('lease-p')).toBe(true);
    expect(b.leases.has('lease-p')).toBe(false);
    expect((await health('lease-p')).pollerId).toBe('replica-a');

    // Not due yet: nobody polls.
    now += 5_000;
    await tick(a, b);
    expect(feeds.hits('/lease/summary.json')).toBe(1);

    // Due: the holder polls, conditionally; the feed has not changed, so it answers 304.
    now += 6_000;
    await tick(b, a);
    expect(feeds.hits('/lease/summary.json')).toBe(2);
    expect(feeds.notModified('/lease/summary.json')).toBe(1);

    // Replica A dies (stops renewing, never releases): once its lease expires, B takes the provider over.
    await new Promise((r) => setTimeout(r, LEASE_TTL_MS + 100));
    now += 11_000;
    await tick(b);
    expect(b.leases.has('lease-p')).toBe(true);
    expect(feeds.hits('/lease/summary.json')).toBe(3);
    expect((await health('lease-p')).pollerId).toBe('replica-b');
    await b.stop();
    expect((await health('lease-p')).pollerId).toBeNull();
  });

  it('skips polls while a provider circuit is open, then makes one trial after the cooldown', async () => {
    feeds.set('/flaky/summary.json', { status: 503, body: 'down', etag: false });
    await csp.gql(REGISTER, {
      input: {
        name: 'flaky',
        feedUrl: `${feeds.url}/flaky/summary.json`,
        type: 'STATUSPAGE',
        intervalSeconds: 10,
      },
    });
    const p = poller('replica-c');
    const attemptsPerPoll = 3; // CSP_RETRIES defaults to 2 extra attempts on a 5xx
    for (let i = 0; i < 3; i++) {
      await tick(p);
      now += 11_000;
    }
    expect(feeds.hits('/flaky/summary.json')).toBe(3 * attemptsPerPoll);
    expect(await health('flaky')).toMatchObject({ health: { circuit: 'OPEN', consecutiveFailures: 3 } });

    await tick(p);
    expect(feeds.hits('/flaky/summary.json')).toBe(3 * attemptsPerPoll);

    feeds.set('/flaky/summary.json', {
      body: fixture('statuspage/github-summary-2022-11-25-active-incident.json'),
    });
    now += 60_000; // CSP_CIRCUIT_COOLDOWN_MS
    expect((await health('flaky')).health.circuit).toBe('HALF_OPEN');
    await tick(p);
    expect(feeds.hits('/flaky/summary.json')).toBe(3 * attemptsPerPoll + 1);
    expect(await health('flaky')).toMatchObject({ health: { circuit: 'CLOSED', consecutiveFailures: 0 } });
    await p.stop();
  });
});
