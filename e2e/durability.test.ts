import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DedicatedRedis, describeWithRedisServer, startDedicatedRedis } from './support/redis-server.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * docs/decisions/0005 promises that a write a service acknowledged survives a Redis crash. Proven end to end: the
 * whole stack on a Redis of its own (configured as `npm start` configures one), a write acknowledged over REST,
 * then redis-server killed with SIGKILL (no shutdown, no last fsync), restarted on the same data, and the write
 * read back through the same APIs.
 */
describeWithRedisServer('durability: an acknowledged service write survives a Redis crash', () => {
  let redis: DedicatedRedis;
  let stack: Stack;

  beforeAll(async () => {
    redis = await startDedicatedRedis();
    stack = await startStack({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await stack?.stop();
    await redis?.remove();
  });

  const rest = (service: string, method: string, path: string, body?: unknown, token?: string) =>
    fetch(`${stack.urls[service]}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('an incident answered 201 by POST /api/v1/incidents is still there after redis-server is killed and restarted', async () => {
    const login = await rest('rest-users', 'POST', '/api/v1/auth/login', {
      email: stack.admin.email,
      password: stack.admin.password,
    });
    expect(login.status, stack.output().slice(-4000)).toBe(200);
    const { token } = (await login.json()) as { token: string };

    const created = await rest(
      'rest-incidents',
      'POST',
      '/api/v1/incidents',
      { title: 'Disk full', sev: 2 },
      token,
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // Straight after the acknowledgement: nothing else has happened that could have flushed it by chance.
    const before = redis.pid();
    await redis.crash();
    await redis.restart();
    expect(redis.pid()).not.toBe(before);

    // The services reconnect on their own; read back through the same path as any client would.
    const deadline = Date.now() + 30_000;
    let read: Response;
    do {
      read = await rest('rest-incidents', 'GET', `/api/v1/incidents/${id}`, undefined, token);
      if (read.status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    } while (Date.now() < deadline);
    expect(read.status, stack.output().slice(-4000)).toBe(200);
    expect(await read.json()).toMatchObject({ id, title: 'Disk full', sev: 2 });
  });
});
