import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COMMS_EVENTS, COMMS_PUBLIC_KEYS, type PublicSnapshot } from '@polystatus/contracts';
import { createLogger, envelopeToFields, newEnvelope } from '@polystatus/kit';
import {
  deletePrefix,
  startPausableProxy,
  TEST_REDIS_URL,
  testRedis,
  uniquePrefix,
} from '@polystatus/kit/testing';
import type { OperationInput, RestResult } from '@polystatus/rest-kit';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servePublic } from './serve.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import { SnapshotFollower } from './snapshot-follower.ts';

const redis = testRedis();
afterAll(() => redis.quit());
const request = (headers: Record<string, string> = {}) =>
  ({ body: undefined, query: {}, params: {}, headers, path: '' }) as OperationInput<
    unknown,
    unknown,
    unknown
  >;
const bytes = (r: RestResult) => r.body as Buffer;

let prefix: string;
let version = 0;
let cache: SnapshotCache;
let follower: SnapshotFollower;
const stops: (() => Promise<void>)[] = [];

beforeEach(() => {
  prefix = uniquePrefix('rest-comms');
  cache = new SnapshotCache();
});
afterEach(async () => {
  while (stops.length) await stops.pop()!();
  await deletePrefix(redis, prefix);
});

/** Publishes a snapshot as the comms subgraph does: the key, then `public_status.changed` on its stream. */
async function publish(components: string[]) {
  version++;
  const renderedAt = new Date().toISOString();
  const snapshot: PublicSnapshot = {
    version,
    renderedAt,
    documents: [
      {
        path: '/api/v2/components.json',
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ components: components.map((name) => ({ name })) }),
      },
      { path: '/api/v1/public/status', contentType: 'application/json; charset=utf-8', body: '[]' },
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

function follow(redisUrl = TEST_REDIS_URL) {
  follower = new SnapshotFollower(cache, {
    redisUrl,
    keyPrefix: prefix,
    commandTimeoutMs: 1000,
    logger: createLogger('test', 'silent'),
    blockMs: 500,
  });
  follower.start();
  stops.push(() => follower.stop());
}

const componentsOf = (r: RestResult) =>
  (JSON.parse(bytes(r).toString('utf8')) as { components: { name: string }[] }).components.map((c) => c.name);

describe('the public read path', () => {
  it('serves the published snapshot from memory: strong ETag, 304, pre-compressed bodies, cache headers', async () => {
    await publish(['API']);
    follow();
    expect(await follower.ready()).toBe(true);
    const serve = servePublic(cache, '/api/v2/components.json');
    await expect.poll(async () => componentsOf(await serve(request()))).toEqual(['API']);

    const plain = await serve(request());
    expect(plain.status).toBe(200);
    expect(plain.headers).toMatchObject({
      'cache-control': 'public, max-age=15, stale-while-revalidate=60, stale-if-error=86400',
      vary: 'Accept-Encoding',
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
    });
    expect(plain.headers!['x-status-as-of']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(plain.headers!.etag).toMatch(/^"[\w-]+"$/);

    const br = await serve(request({ 'accept-encoding': 'gzip, deflate, br' }));
    expect(br.headers!['content-encoding']).toBe('br');
    expect(brotliDecompressSync(bytes(br)).equals(bytes(plain))).toBe(true);
    const gz = await serve(request({ 'accept-encoding': 'gzip, br;q=0' }));
    expect(gz.headers!['content-encoding']).toBe('gzip');
    expect(gunzipSync(bytes(gz)).equals(bytes(plain))).toBe(true);

    const notModified = await serve(request({ 'if-none-match': br.headers!.etag! }));
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeUndefined();

    // A domain change re-renders; the follower swaps the new snapshot in and the old tag no longer matches.
    await publish(['API', 'CDN']);
    await expect
      .poll(async () => componentsOf(await serve(request())), { timeout: 5000 })
      .toEqual(['API', 'CDN']);
    expect((await serve(request({ 'if-none-match': plain.headers!.etag! }))).status).toBe(200);
  });

  it('keeps serving the last snapshot, marked stale with its as-of time, while Redis stalls; catches up after', async () => {
    const proxy = await startPausableProxy(TEST_REDIS_URL);
    stops.push(() => proxy.close());
    await publish([]);
    follow(proxy.url);
    expect(await follower.ready()).toBe(true);
    const serve = servePublic(cache, '/api/v1/public/status');
    const before = await serve(request());
    proxy.pause();
    await expect.poll(() => cache.stale, { timeout: 10_000, interval: 200 }).toBe(true);
    const during = await serve(request());
    expect(during.status).toBe(200);
    expect(during.headers!['x-status-stale']).toBe('true');
    expect(during.headers!['x-status-as-of']).toBe(before.headers!['x-status-as-of']);
    await publish(['Late']);
    proxy.resume();
    const summary = servePublic(cache, '/api/v2/components.json');
    await expect
      .poll(async () => componentsOf(await summary(request())), { timeout: 10_000 })
      .toEqual(['Late']);
    await expect.poll(() => cache.stale, { timeout: 10_000 }).toBe(false);
  }, 30_000);

  it('answers UNAVAILABLE only before any snapshot has arrived', async () => {
    await expect(servePublic(cache, '/api/v1/public/status')(request())).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
