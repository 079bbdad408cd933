import { COMMS_EVENTS, COMMS_PUBLIC_KEYS, type PublicSnapshot } from '@polystatus/contracts';
import { envelopeToFields, newEnvelope } from '@polystatus/kit';
import { deletePrefix, TEST_REDIS_URL, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { request } from 'undici';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCommsRestEnv } from '../config.ts';
import { buildCommsRestService, type CommsRestService } from '../server.ts';

/**
 * The banner routes of the real adapter over real sockets, fed by snapshots published as the comms subgraph
 * publishes them: the live stream (first event at once, a new event only when the banner changes, caps per
 * address and per process, shutdown with streams open), and the badges' 404.
 */
const redis = testRedis();
afterAll(() => redis.quit());

let prefix: string;
let version = 0;
let service: CommsRestService;
let base: string;

beforeEach(async () => {
  prefix = uniquePrefix('rest-comms-banner');
  await publish(null);
  service = await buildCommsRestService(
    loadCommsRestEnv({
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      GATEWAY_URL: 'http://127.0.0.1:1/graphql',
      COMMS_BANNER_STREAM_MAX: '3',
      COMMS_BANNER_STREAM_MAX_PER_ADDRESS: '2',
    }),
  );
  base = await service.listen();
  expect(await service.follower.ready()).toBe(true);
});
afterEach(async () => {
  await service.close();
  await deletePrefix(redis, prefix);
});

const BADGE = (color: string) => `<svg xmlns="http://www.w3.org/2000/svg"><rect fill="${color}"/></svg>`;

/** A snapshot holding a banner (title or none), the badges of one component and some unrelated document. */
async function publish(title: string | null, other = 'x') {
  version++;
  const renderedAt = new Date().toISOString();
  const banner = {
    banner: title && { id: 'INC-1', kind: 'incident', level: 'major', title, state: 'investigating' },
    also_active: 0,
    page_url: 'https://status.example.com',
  };
  const json = 'application/json; charset=utf-8';
  const svg = 'image/svg+xml; charset=utf-8';
  const snapshot: PublicSnapshot = {
    version,
    renderedAt,
    documents: [
      { path: '/api/v1/public/banner', contentType: json, body: JSON.stringify(banner) },
      { path: '/api/v1/public/status', contentType: json, body: JSON.stringify([other]) },
      { path: '/badge/cmp_api.svg', contentType: svg, body: BADGE('#4c1') },
      { path: '/badge/_unknown.svg', contentType: svg, body: BADGE('#9f9f9f') },
    ],
  };
  const keys = COMMS_PUBLIC_KEYS(prefix);
  await redis.set(keys.snapshot, JSON.stringify(snapshot));
  const event = newEnvelope(COMMS_EVENTS.publicStatusChanged, 'system:comms', 'public', {
    version,
    renderedAt,
    indicator: 'none',
    description: 'All Systems Operational',
  });
  await redis.xadd(keys.events, '*', ...envelopeToFields(event));
}

/** Opens the stream (as forwarded by a proxy for `forwardedFor`) and collects its `banner` events as they come. */
async function openStream(forwardedFor?: string) {
  const res = await request(`${base}/api/v1/public/banner/stream`, {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  const events: { id: string; banner: { title: string } | null }[] = [];
  let buffer = '';
  res.body.setEncoding('utf8');
  res.body.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
      if (field('event') === 'banner')
        events.push({ id: field('id')!, banner: JSON.parse(field('data')!).banner });
      end = buffer.indexOf('\n\n');
    }
  });
  res.body.on('error', () => undefined);
  return { res, events, close: () => res.body.destroy() };
}

describe('the live banner stream', () => {
  it('sends the current banner at once, then only changes of the banner', async () => {
    const s = await openStream();
    expect(s.res.statusCode).toBe(200);
    expect(s.res.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      'x-accel-buffering': 'no',
    });
    await expect.poll(() => s.events.length).toBe(1);
    expect(s.events[0]!.banner).toBeNull();

    await publish('Checkout errors');
    await expect.poll(() => s.events.length).toBe(2);
    expect(s.events[1]).toMatchObject({ id: String(version), banner: { title: 'Checkout errors' } });

    // Another document changed, the banner did not: nothing is sent.
    await publish('Checkout errors', 'y');
    await publish(null);
    await expect.poll(() => s.events.length).toBe(3);
    expect(s.events.map((e) => e.banner?.title ?? null)).toEqual([null, 'Checkout errors', null]);
    s.close();
  });

  it('admits at most N streams per address and M per process, and frees a slot when a client leaves', async () => {
    const first = await openStream();
    const second = await openStream();
    const third = await request(`${base}/api/v1/public/banner/stream`);
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    await third.body.dump();
    first.close();
    await expect.poll(() => service.bannerStream.size).toBe(1);
    const again = await openStream();
    expect(again.res.statusCode).toBe(200);
    second.close();
    again.close();
    await expect.poll(() => service.bannerStream.size).toBe(0);
  });

  it('behind a trusted proxy, counts each reader by its forwarded address; refusals and open streams are metrics', async () => {
    // The test connects from loopback, which TRUSTED_PROXIES trusts by default: a reverse proxy on this host.
    const a1 = await openStream('198.51.100.7, 203.0.113.10');
    const a2 = await openStream('203.0.113.10');
    expect([a1.res.statusCode, a2.res.statusCode]).toEqual([200, 200]);
    const a3 = await request(`${base}/api/v1/public/banner/stream`, {
      headers: { 'x-forwarded-for': '203.0.113.10' },
    });
    expect(a3.statusCode).toBe(429);
    await a3.body.dump();
    // Another reader behind the same proxy is not held to the first one's cap, only to the process's.
    const b = await openStream('203.0.113.20');
    expect(b.res.statusCode).toBe(200);
    const c = await request(`${base}/api/v1/public/banner/stream`, {
      headers: { 'x-forwarded-for': '203.0.113.30' },
    });
    expect(c.statusCode).toBe(429);
    await c.body.dump();

    const metrics = await (await request(`${base}/metrics`)).body.text();
    const figure = (line: string) => Number(new RegExp(`^${line} (\\d+)$`, 'm').exec(metrics)?.[1]);
    expect(figure('banner_streams_open\\{[^}]*\\}')).toBe(3);
    expect(figure('banner_stream_addresses\\{[^}]*\\}')).toBe(2);
    expect(figure('banner_stream_refusals_total\\{reason="per_address"[^}]*\\}')).toBe(1);
    expect(figure('banner_stream_refusals_total\\{reason="capacity"[^}]*\\}')).toBe(1);
    for (const s of [a1, a2, b]) s.close();
    await expect.poll(() => service.bannerStream.size).toBe(0);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    await service.close();
    service = await buildCommsRestService(
      loadCommsRestEnv({
        LOG_LEVEL: 'silent',
        PORT: '0',
        HOST: '127.0.0.1',
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        GATEWAY_URL: 'http://127.0.0.1:1/graphql',
        COMMS_BANNER_STREAM_MAX: '3',
        COMMS_BANNER_STREAM_MAX_PER_ADDRESS: '2',
        TRUSTED_PROXIES: 'none',
      }),
    );
    base = await service.listen();
    expect(await service.follower.ready()).toBe(true);
    // Each claims another address; nobody is trusted, so all three count against 127.0.0.1.
    const one = await openStream('203.0.113.1');
    const two = await openStream('203.0.113.2');
    const three = await request(`${base}/api/v1/public/banner/stream`, {
      headers: { 'x-forwarded-for': '203.0.113.3' },
    });
    expect(three.statusCode).toBe(429);
    await three.body.dump();
    one.close();
    two.close();
    expect(() => loadCommsRestEnv({ TRUSTED_PROXIES: '10.0.0.0/8,not-an-address' })).toThrow(
      /TRUSTED_PROXIES/,
    );
  });

  it('closes with streams open, promptly', async () => {
    const s = await openStream();
    await expect.poll(() => s.events.length).toBe(1);
    const started = Date.now();
    await service.close();
    expect(Date.now() - started).toBeLessThan(4_000);
    service = { close: async () => undefined } as unknown as CommsRestService;
  });
});

describe('badges', () => {
  it('serve a known component with cache headers and an unknown one as a 404 badge', async () => {
    const known = await request(`${base}/badge/cmp_api.svg`);
    expect(known.statusCode).toBe(200);
    expect(known.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(known.headers['cache-control']).toContain('max-age=15');
    expect(await known.body.text()).toContain('#4c1');
    const again = await request(`${base}/badge/cmp_api.svg`, {
      headers: { 'if-none-match': known.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    await again.body.dump();
    for (const name of ['cmp_nope', '_unknown']) {
      const unknown = await request(`${base}/badge/${name}.svg`);
      expect(unknown.statusCode).toBe(404);
      expect(await unknown.body.text()).toContain('#9f9f9f');
    }
  });
});
