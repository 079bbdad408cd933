import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { LuaScripts } from './lua-scripts.ts';
import { deletePrefix, testRedis, uniquePrefix } from './testing/index.ts';

const prefix = uniquePrefix('kit-lua');
const redis: Redis = testRedis();
afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

// A source no Redis has seen, so the first call meets NOSCRIPT and must load it rather than fail.
const prelude = `-- ${randomBytes(8).toString('hex')}\nlocal function twice(s) return s .. s end\n`;
const sources = {
  double: `${prelude}redis.call('SET', KEYS[1], twice(ARGV[1])) return redis.call('GET', KEYS[1])`,
  length: `${prelude}return string.len(twice(ARGV[1]))`,
};
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('LuaScripts', () => {
  it('runs a never-loaded script through EVALSHA, loading it on NOSCRIPT', async () => {
    const scripts = new LuaScripts('kitLua', sources);
    const [before] = (await redis.script('EXISTS', sha1(sources.double))) as number[];
    expect(before).toBe(0);
    expect(await scripts.run(redis, 'double', [`${prefix}:a`], ['ab'])).toBe('abab');
    const [after] = (await redis.script('EXISTS', sha1(sources.double))) as number[];
    expect(after).toBe(1);
  });

  it('queues scripts on a pipeline once installed on its client', async () => {
    const scripts = new LuaScripts('kitLua', sources);
    const client = testRedis();
    try {
      scripts.install(client);
      scripts.install(client);
      const pipe = client.pipeline();
      void scripts.run(pipe, 'length', [`${prefix}:b`], ['xyz']);
      void scripts.run(pipe, 'double', [`${prefix}:c`], [7]);
      expect(await pipe.exec()).toEqual([
        [null, 6],
        [null, '77'],
      ]);
    } finally {
      await client.quit();
    }
  });

  it('says so when a pipeline is asked for a script its client never installed', async () => {
    const scripts = new LuaScripts('kitLuaOther', sources);
    const client = new Redis({ lazyConnect: true });
    expect(() => scripts.run(client.pipeline(), 'length', [], ['x'])).toThrow(/install\(\) first/);
    client.disconnect();
  });
});
