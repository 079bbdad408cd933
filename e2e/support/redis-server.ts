import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';
import { freePort } from '../../scripts/launcher/ports.ts';

export const redisServerInstalled = () => spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

const inCi = () => !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/**
 * `describe` for suites that need their own `redis-server`. Under CI a missing binary fails the suite (`.ci/run`
 * installs it, so its absence means the claim went unproven); elsewhere the suite is skipped with a note.
 */
export function describeWithRedisServer(title: string, body: () => void): void {
  if (redisServerInstalled()) {
    describe(title, body);
    return;
  }
  const missing = 'redis-server is not installed (Debian/Ubuntu: sudo apt-get install -y redis-server)';
  if (inCi()) {
    describe(title, () => {
      it('finds redis-server', () => {
        throw new Error(`${missing}; .ci/run installs it`);
      });
    });
    return;
  }
  console.warn(`note: ${missing}; "${title}" is skipped here and runs in CI`);
  describe.skip(title, body);
}

export interface DedicatedRedis {
  url: string;
  /** The server's current process. */
  pid(): number;
  /** Kills the server at once (SIGKILL: no shutdown, no final fsync), as a crash or a power cut would. */
  crash(): Promise<void>;
  /** Starts the server again on the same port and data directory, and waits until it answers. */
  restart(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  remove(): Promise<void>;
}

/**
 * A redis-server of the test's own, configured as the launcher configures its embedded one (AOF, `appendfsync
 * always`: an acknowledged write is on disk), on a free port with its data in a fresh temporary directory.
 */
export async function startDedicatedRedis(): Promise<DedicatedRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ps-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess;
  let log = '';

  const start = async () => {
    child = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--save', ''],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + 10_000;
    while (!(await answers(url))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`redis-server did not come up on port ${port}:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };

  await start();
  return {
    url,
    pid: () => child.pid!,
    crash: () => stop('SIGKILL'),
    restart: start,
    async remove() {
      await stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
