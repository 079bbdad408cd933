import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { LuaScripts } from './lua-scripts.ts';
import { createRedis, type RedisHandle } from './redis.ts';
import {
  deletePrefix,
  type PausableProxy,
  startPausableProxy,
  TEST_REDIS_URL,
  uniquePrefix,
} from './testing/index.ts';

const prefix = uniquePrefix('kit-outage');
const key = `${prefix}:k`;
const scripts = new LuaScripts('kitOutage', { echo: 'return ARGV[1]' });
let proxy: PausableProxy;
let redis: RedisHandle;

/** The rejection of `p`, which must reject. */
const failure = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );

const expectUnavailable = (err: unknown) => {
  expect(err).toBeInstanceOf(DomainError);
  expect(err).toMatchObject({ code: 'UNAVAILABLE', retryAfter: 1 });
  expect((err as Error).cause).toBeInstanceOf(Error);
};

beforeAll(async () => {
  proxy = await startPausableProxy(TEST_REDIS_URL);
  redis = createRedis({ url: proxy.url, name: 'kit-outage', keyPrefix: prefix, commandTimeoutMs: 200 });
  await redis.client.set(key, 'v');
});
afterAll(async () => {
  proxy.resume();
  await deletePrefix(redis.client, prefix);
  await redis.close();
  await proxy.close();
});

describe('a Redis outage, on a client from createRedis', () => {
  it('rejects plain commands, pipelines, MULTI and scripts as UNAVAILABLE while Redis stalls', async () => {
    proxy.pause();
    try {
      expectUnavailable(await failure(redis.client.get(key)));

      const results = await redis.client.pipeline().get(key).get(key).exec();
      expect(results).toHaveLength(2);
      for (const [err] of results ?? []) expectUnavailable(err);

      expectUnavailable(await failure(redis.client.multi().set(key, 'w').get(key).exec()));
      expectUnavailable(await failure(scripts.run(redis.client, 'echo', [key], ['hi'])));
    } finally {
      proxy.resume();
    }
    // The same connection serves again once Redis answers, and what was held reached Redis after all: the MULTI
    // that answered UNAVAILABLE did set the key. An UNAVAILABLE write may have happened; clients retry idempotently.
    expect(await redis.client.get(key)).toBe('w');
    expect(await scripts.run(redis.client, 'echo', [key], ['back'])).toBe('back');
  });

  it('leaves errors Redis itself answers (wrong type, script errors) alone', async () => {
    const err = await failure(redis.client.lpush(key, 'x'));
    expect(err).not.toBeInstanceOf(DomainError);
    expect((err as Error).message).toMatch(/WRONGTYPE/);
  });

  it('rejects as UNAVAILABLE when the connection is gone', async () => {
    const gone = await startPausableProxy(TEST_REDIS_URL);
    const client = createRedis({ url: gone.url, name: 'kit-gone', keyPrefix: prefix, commandTimeoutMs: 200 });
    try {
      await client.ping();
      await gone.close();
      expectUnavailable(await failure(client.client.get(key)));
    } finally {
      client.client.disconnect();
    }
  });
});
