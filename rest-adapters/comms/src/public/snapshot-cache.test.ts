import { brotliDecompressSync } from 'node:zlib';
import type { PublicSnapshot } from '@polystatus/contracts';
import type { OperationInput } from '@polystatus/rest-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { servePublic } from './serve.ts';
import { SnapshotCache } from './snapshot-cache.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const snapshot = (version: number, bodies: Record<string, string>): PublicSnapshot => ({
  version,
  renderedAt: new Date(1_800_000_000_000 + version * 1000).toISOString(),
  documents: Object.entries(bodies).map(([path, body]) => ({ path, contentType: JSON_TYPE, body })),
});
const request = (headers: Record<string, string>) =>
  ({ body: undefined, query: {}, params: {}, headers, path: '' }) as OperationInput<
    unknown,
    unknown,
    unknown
  >;
const big = (n: number) =>
  JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `INC-${i}`, state: 'open' })));

let cache: SnapshotCache;
afterEach(() => {
  cache?.close();
  vi.useRealTimers();
});

describe('SnapshotCache', () => {
  it('keeps the compressed bytes of a document a new rendering did not change', async () => {
    cache = new SnapshotCache();
    await cache.load(snapshot(1, { '/a': big(50), '/b': '{"b":1}' }));
    const first = cache.current!.documents;
    await cache.load(snapshot(2, { '/a': big(50), '/b': '{"b":2}' }));
    const second = cache.current!.documents;
    // The same object: nothing was compressed again (every rendering used to recompress every document).
    expect(second.get('/a')).toBe(first.get('/a'));
    expect(second.get('/b')).not.toBe(first.get('/b'));
    expect(second.get('/b')!.identity.toString()).toBe('{"b":2}');
  });

  it('serves a new rendering at the fast brotli quality, then recompresses it once it has lasted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    cache = new SnapshotCache();
    const body = big(200);
    await cache.load(snapshot(1, { '/a': body }));
    const doc = cache.current!.documents.get('/a')!;
    expect(doc.brQuality).toBe(5);
    const fastTag = doc.etag.br;

    vi.advanceTimersByTime(3_000);
    await vi.waitFor(() => expect(doc.brQuality).toBe(11), { timeout: 5_000 });
    expect(brotliDecompressSync(doc.br).toString()).toBe(body);
    expect(doc.etag.br).not.toBe(fastTag);

    // A client holding the tag of the bytes served before the recompression still gets a 304.
    const serve = servePublic(cache, '/a');
    const again = await serve(request({ 'accept-encoding': 'br', 'if-none-match': fastTag }));
    expect(again.status).toBe(304);
    expect(again.headers!.etag).toBe(doc.etag.br);
    // Another document's tag does not match.
    const other = await serve(
      request({ 'accept-encoding': 'br', 'if-none-match': `"${'x'.repeat(32)}-br"` }),
    );
    expect(other.status).toBe(200);
  });

  it('does not recompress a rendering replaced before it settled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    cache = new SnapshotCache();
    await cache.load(snapshot(1, { '/a': big(100) }));
    const old = cache.current!.documents.get('/a')!;
    vi.advanceTimersByTime(2_000);
    await cache.load(snapshot(2, { '/a': big(101) }));
    vi.advanceTimersByTime(2_000);
    await new Promise((r) => setImmediate(r));
    expect(old.brQuality).toBe(5);
    expect(cache.current!.documents.get('/a')!.brQuality).toBe(5);
  });
});
