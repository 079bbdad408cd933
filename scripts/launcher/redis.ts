import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pipeLines, stopChild } from './child.ts';
import type { Output } from './output.ts';

/** Resolves true when something at `url` answers PING within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface RedisGuard {
  /** Stops the Redis this launcher started, if it started one. */
  stop(): Promise<void>;
}

/**
 * Makes sure a Redis answers at `url`. When none does and the URL is local and `redis-server` is installed, starts
 * one with AOF and `appendfsync always` under `.data/redis/<port>` (an acknowledged write survives a crash; see
 * docs/decisions/0005). Otherwise explains how to get one and throws.
 */
export async function ensureRedis(url: string, root: string, out: Output): Promise<RedisGuard> {
  if (await redisAnswers(url)) {
    out.info(`redis: using ${url}`);
    return { stop: async () => {} };
  }
  const parsed = new URL(url);
  const installed = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).status === 0;
  if (!LOCAL_HOSTS.has(parsed.hostname) || !installed) {
    throw new Error(
      [
        `nothing answers at REDIS_URL=${url}.`,
        installed
          ? 'It is not a local address, so the launcher will not start one there; start it, or point REDIS_URL at a running Redis.'
          : 'Install Redis 7 (Debian/Ubuntu: sudo apt-get install -y redis-server) and run npm start again, or set REDIS_URL to a running Redis.',
      ].join('\n'),
    );
  }
  const port = parsed.port || '6379';
  // One data directory per port, so two launchers with their own embedded Redis never share an AOF.
  const dir = join(root, '.data', 'redis', port);
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      port,
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  pipeLines(child, (line) => out.child('redis', line));
  const deadline = Date.now() + 10_000;
  while (!(await redisAnswers(url, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child, 2000);
      throw new Error(`redis-server did not come up on port ${port} (see its log lines above)`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  out.info(`redis: started redis-server on ${url} (AOF, fsync always, data in .data/redis/${port})`);
  return {
    stop: async () => {
      await stopChild(child, 10_000);
    },
  };
}
