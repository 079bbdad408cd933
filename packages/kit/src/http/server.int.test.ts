import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { createMetrics } from '../metrics.ts';
import { createRedis, type RedisHandle } from '../redis.ts';
import { TEST_REDIS_URL } from '../testing/index.ts';
import { createHttpServer } from './server.ts';

describe('kit HTTP server', () => {
  const logger = createLogger('kit-test', 'silent');
  const live: RedisHandle = createRedis({
    url: TEST_REDIS_URL,
    name: 'kit-test',
    keyPrefix: 't',
    commandTimeoutMs: 500,
  });
  // Nothing listens on port 1: the readiness check must fail fast, not hang.
  const dead: RedisHandle = createRedis({
    url: 'redis://127.0.0.1:1',
    name: 'kit-dead',
    keyPrefix: 't',
    commandTimeoutMs: 200,
  });
  const app = createHttpServer({
    logger,
    metrics: createMetrics('kit-test'),
    bodyLimit: 1024,
    readiness: { redis: () => live.ping(500) },
  });
  const degraded = createHttpServer({
    logger,
    metrics: createMetrics('kit-test-2'),
    bodyLimit: 1024,
    readiness: { redis: () => dead.ping(300) },
  });
  app.post(
    '/things',
    {
      schema: {
        body: {
          type: 'object',
          required: ['title'],
          properties: { title: { type: 'string' }, sev: { type: 'integer', minimum: 1, maximum: 4 } },
        },
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/boom', async () => {
    throw new Error('secret internals');
  });
  app.get('/invalid', async () => {
    throw fieldError('sev', 'must be between 1 and 4');
  });

  beforeAll(async () => {
    await app.ready();
    await degraded.ready();
  });
  afterAll(async () => {
    await app.close();
    await degraded.close();
    await live.close();
    dead.client.disconnect();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { redis: 'ok' } });
  });

  it('reports 503 on /readyz when a dependency is down, while /healthz stays up', async () => {
    const started = Date.now();
    const ready = await degraded.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.redis).not.toBe('ok');
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await degraded.inject('/healthz')).statusCode).toBe(200);
  });

  it('names the field for schema violations', async () => {
    const res = await app.inject({ method: 'POST', url: '/things', payload: { sev: 7 } });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['sev', 'title']);
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('words schema violations the way the domain validators do', async () => {
    const res = await app.inject({ method: 'POST', url: '/things', payload: { title: 7, sev: 9 } });
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { field: 'title', issue: 'must be a string' },
        { field: 'sev', issue: 'must be at most 4' },
      ]),
    );
  });

  it('answers an unknown route with 404 even when its body would not parse', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/nowhere',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON and oversize bodies with 400 naming the body', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body');
    const big = await app.inject({ method: 'POST', url: '/things', payload: { title: 'x'.repeat(5000) } });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details[0].field).toBe('body');
  });

  it('hides internal errors and maps domain errors', async () => {
    const boom = await app.inject('/boom');
    expect(boom.statusCode).toBe(500);
    expect(JSON.stringify(boom.json())).not.toContain('secret internals');
    const invalid = await app.inject('/invalid');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details).toEqual([{ field: 'sev', issue: 'must be between 1 and 4' }]);
  });

  it('honours a safe caller request id and replaces an unsafe one', async () => {
    expect(
      (await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } })).headers['x-request-id'],
    ).toBe('abc-123');
    expect(
      (await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\n' } })).headers[
        'x-request-id'
      ],
    ).not.toBe('bad id\n');
  });

  it('exposes per-route metrics with the route pattern', async () => {
    await app.inject('/invalid');
    const text = (await app.inject('/metrics')).body;
    expect(text).toMatch(/http_requests_total\{[^}]*route="\/invalid"[^}]*status="400"/);
    expect(text).toContain('http_request_duration_seconds_bucket');
  });
});
