import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPRESSION_THRESHOLD_BYTES,
  LARGE_STRING_BYTES,
  negotiateEncoding,
  registerCompression,
  sentManyTimes,
} from './compression.ts';

const rows = Array.from({ length: 200 }, (_, i) => ({ id: `INC-${i}`, title: `Incident ${i}`, sev: 2 }));
const LARGE = JSON.stringify(rows);

const app = Fastify();
registerCompression(app);
app.get('/large', async () => rows);
app.get('/small', async () => ({ ok: true }));
app.get('/varies', async (_req, reply) => reply.header('vary', 'Origin').send(rows));
app.get('/encoded', async (_req, reply) =>
  reply
    .header('content-type', 'application/json')
    .header('content-encoding', 'br')
    .send(Buffer.alloc(4096, 1)),
);
app.get('/png', async (_req, reply) => reply.header('content-type', 'image/png').send(Buffer.alloc(4096, 1)));
app.get('/stream', async (_req, reply) =>
  reply
    .header('content-type', 'application/javascript')
    .send(Readable.from([LARGE.slice(0, 3000), LARGE.slice(3000)])),
);
app.get('/events', async (_req, reply) =>
  reply.header('content-type', 'text/event-stream').send(Readable.from([`data: ${LARGE}\n\n`])),
);
const HUGE = JSON.stringify(
  Array.from({ length: 3000 }, (_, i) => ({ id: `INC-${i}`, title: `Incident ${i}` })),
);
app.get('/huge', async (_req, reply) => reply.type('application/json').send(HUGE));
const KEPT = sentManyTimes(Buffer.from(LARGE));
app.get('/kept', async (_req, reply) => reply.type('application/json').send(KEPT));
app.get('/not-modified', async (_req, reply) => reply.status(304).send());
afterAll(() => app.close());

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('negotiateEncoding', () => {
  it('prefers br, then gzip, and honours q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip;q=0.5, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('BR;q=0.0, gzip;q=0')).toBe('identity');
    expect(negotiateEncoding('*')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
  });
});

describe('response compression', () => {
  it('compresses a large JSON answer with br when accepted, with its length and Vary', async () => {
    const res = await get('/large', 'gzip, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeLessThan(LARGE.length / 4);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(LARGE);
  });

  it('uses gzip for a client that takes only gzip, and keeps an existing Vary', async () => {
    const res = await get('/varies', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Origin, Accept-Encoding');
    expect(gunzipSync(res.rawPayload).toString()).toBe(LARGE);
  });

  it('sends identity to a client that accepts no encoding, still varying on it', async () => {
    const res = await get('/large');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.payload).toBe(LARGE);
  });

  it('leaves small, pre-encoded, non-text and bodiless answers alone', async () => {
    const small = await get('/small', 'br');
    expect(JSON.stringify({ ok: true }).length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ ok: true });

    const encoded = await get('/encoded', 'br');
    expect(encoded.headers['content-encoding']).toBe('br');
    expect(encoded.rawPayload.equals(Buffer.alloc(4096, 1))).toBe(true);

    expect((await get('/png', 'br')).headers['content-encoding']).toBeUndefined();
    const notModified = await get('/not-modified', 'br');
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a streamed body as it is read, without a stale Content-Length', async () => {
    const res = await get('/stream', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-length']).toBeUndefined();
    expect(gunzipSync(res.rawPayload).toString()).toBe(LARGE);
  });

  it('never compresses server-sent events', async () => {
    const res = await get('/events', 'br');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.payload).toBe(`data: ${LARGE}\n\n`);
  });

  it('sends a large answer it leaves uncompressed as the same bytes', async () => {
    expect(Buffer.byteLength(HUGE)).toBeGreaterThan(LARGE_STRING_BYTES);
    const res = await get('/huge');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(HUGE);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(HUGE));
  });

  it('serves every encoding of a body sent many times (compressed once, kept with it)', async () => {
    const first = await get('/kept', 'gzip');
    const second = await get('/kept', 'gzip');
    expect(gunzipSync(second.rawPayload).toString()).toBe(LARGE);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const br = await get('/kept', 'br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(LARGE);
  });
});
