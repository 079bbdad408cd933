import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES } from '@polystatus/registry';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/launcher/ports.ts';
import { describeWithRedisServer } from './support/redis-server.ts';
import { isAlive, type Stack, type StackService, startStack } from './support/stack.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const gql = async (stack: Stack, query: string, headers: Record<string, string> = {}) => {
  const res = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: GraphQL responses are checked field by field
  return { status: res.status, body: (await res.json()) as any };
};

const waitUntil = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return check();
};

/** How a process was started and with what loader, as the kernel sees it (Linux). */
const commandOf = (pid: number) => {
  const read = (what: string) => readFileSync(`/proc/${pid}/${what}`, 'utf8').split('\0').filter(Boolean);
  return {
    argv: read('cmdline'),
    nodeOptions: read('environ').find((v) => v.startsWith('NODE_OPTIONS=')) ?? '',
  };
};

describe('launcher: the whole stack (single mode, as npm start)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  // The web app is left out of this stack (POLYSTATUS_WITHOUT=web, startStack's default); the browser tests run it.
  const API = SERVICES.filter((s) => s.kind !== 'web');

  it('starts every registered service but the one left out (startStack fails when one has no entry point)', () => {
    expect(stack.services.map((s) => s.name).sort()).toEqual(API.map((s) => s.name).sort());
  });

  it('runs every service in one compiled process, each on its own port', () => {
    expect(stack.state()).toMatchObject({ mode: 'single', runtime: 'built' });
    const pids = new Set(stack.services.map((s) => s.pid));
    expect(pids.size).toBe(1);
    expect(stack.services.every((s) => s.process === 'services')).toBe(true);
    expect(new Set(stack.services.map((s) => s.port)).size).toBe(stack.services.length);
    expect(commandOf([...pids][0]!).argv.slice(1)).toEqual([
      '--enable-source-maps',
      join(ROOT, 'dist', 'host.js'),
      ...API.map((s) => s.name),
    ]);
  });

  it('answers /healthz, /readyz and /metrics on every port', async () => {
    for (const s of stack.services) {
      for (const path of ['/healthz', '/readyz', '/metrics']) {
        const res = await fetch(`${s.url}${path}`);
        expect(res.status, `${s.name}${path}`).toBe(200);
        const body = await res.text();
        if (path === '/metrics') expect(body, s.name).toContain(`service="${s.name}"`);
      }
    }
  });

  it('executes a query through the gateway', async () => {
    const { status, body } = await gql(stack, 'query Probe { __typename }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
    const metrics = await (await fetch(`${stack.urls.gateway}/metrics`)).text();
    expect(metrics).toMatch(/graphql_operations_total\{operation="Probe"/);
  });

  it('reaches the incidents subgraph through the gateway', async () => {
    const { body } = await gql(stack, '{ incidents(first: 1) { nodes { id } } }');
    // Anonymous callers may be refused; either way the answer came from the subgraph, with a domain code.
    if (body.errors) expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(body.errors[0].extensions.code);
    else expect(Array.isArray(body.data.incidents.nodes)).toBe(true);
  });

  it('stops every process on SIGTERM and exits 0', async () => {
    const pids = [stack.launcherPid, ...stack.services.map((s) => s.pid)];
    const { code, signal } = await stack.stop();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(await waitUntil(() => pids.every((p) => !isAlive(p)), 5000)).toBe(true);
    expect(existsSync(stack.stateFile)).toBe(false);
  });
});

describe('launcher: a service crashing (split mode)', () => {
  // One restart allowed within the window: the first crash is restarted, the second is given up.
  let stack: Stack;
  let others: StackService[];
  const incidentsOf = () => stack.state().services.find((s) => s.name === 'incidents')!;

  /** Polls the other services while `during` runs; resolves with every answer that was not a 200. */
  const watchOthers = async (during: () => Promise<void>) => {
    const failures: string[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        await Promise.all([
          ...others.map(async (s) => {
            const res = await fetch(`${s.url}/healthz`).catch((e: Error) => e);
            if (res instanceof Error || res.status !== 200)
              failures.push(`${s.name}: ${res instanceof Error ? res.message : res.status}`);
          }),
          gql(stack, '{ __typename }').then(
            ({ status }) => status !== 200 && failures.push(`graphql: ${status}`),
            (e: Error) => failures.push(`graphql: ${e.message}`),
          ),
        ]);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await during();
    } finally {
      done = true;
      await poll;
    }
    return failures;
  };

  const othersUnchanged = () => {
    const now = stack.state().services;
    for (const s of others) {
      expect(now.find((n) => n.name === s.name)?.pid, s.name).toBe(s.pid);
      expect(isAlive(s.pid), s.name).toBe(true);
    }
  };

  beforeAll(async () => {
    stack = await startStack({ mode: 'split', env: { POLYSTATUS_MAX_RESTARTS: '1' } });
    others = stack.services.filter((s) => s.name !== 'incidents');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('restarts a killed service on its port while the others keep their pids and keep answering', async () => {
    const before = incidentsOf().pid!;
    const failures = await watchOthers(async () => {
      process.kill(before, 'SIGKILL');
      // Restarted: a new pid in the state file, and /readyz answering again within a few seconds.
      expect(
        await waitUntil(() => {
          const now = incidentsOf();
          return now.pid !== null && now.pid !== before && now.status === 'running';
        }, 20_000),
        stack.output().slice(-4000),
      ).toBe(true);
    });
    expect((await fetch(`${stack.urls.incidents}/readyz`)).status).toBe(200);
    expect(isAlive(incidentsOf().pid!)).toBe(true);
    expect(incidentsOf().restarts).toBe(1);
    expect(failures).toEqual([]);
    othersUnchanged();
    expect(stack.output()).toMatch(/incidents exited unexpectedly \(SIGKILL\); restarting in 0.5 s/);
    // The gateway reaches it again.
    const { body } = await gql(stack, '{ incidents(first: 1) { nodes { id } } }');
    if (body.errors) expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(body.errors[0].extensions.code);
  });

  it('gives up on a service that keeps crashing, and the rest of the stack stays up', async () => {
    const failures = await watchOthers(async () => {
      process.kill(incidentsOf().pid!, 'SIGKILL');
      expect(await waitUntil(() => incidentsOf().status === 'given-up', 10_000)).toBe(true);
      // Past the backoff delay: nothing restarts it.
      await new Promise((r) => setTimeout(r, 1500));
    });
    expect(incidentsOf()).toMatchObject({ pid: null, status: 'given-up', restarts: 1 });
    expect(await fetch(`${stack.urls.incidents}/readyz`).catch(() => 'refused')).toBe('refused');
    expect(failures).toEqual([]);
    othersUnchanged();
    expect(isAlive(stack.launcherPid)).toBe(true);
    expect(stack.output()).toMatch(
      /incidents exited unexpectedly \(SIGKILL\): 2 crashes within 60 s; GIVING UP/,
    );
    // Only that subgraph's fields are unavailable.
    const { status, body } = await gql(stack, '{ incidents(first: 1) { nodes { id } } }');
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
  });

  it('still stops everything on SIGTERM and exits 0, removing the state file', async () => {
    const pids = [stack.launcherPid, ...others.map((s) => s.pid)];
    const { code, signal } = await stack.stop();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(await waitUntil(() => pids.every((p) => !isAlive(p)), 5000)).toBe(true);
    expect(existsSync(stack.stateFile)).toBe(false);
  });
});

describe('launcher: single mode in production', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      env: { NODE_ENV: 'production', POLYSTATUS_KEY_ENCRYPTION_KEY: randomBytes(32).toString('hex') },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('runs compiled JavaScript: no process of the stack loads the TypeScript loader', () => {
    const pids = [stack.launcherPid, ...new Set(stack.services.map((s) => s.pid))];
    for (const pid of pids) {
      const { argv, nodeOptions } = commandOf(pid);
      expect(argv.join(' '), `pid ${pid}`).not.toMatch(/tsx|\.ts\b/);
      expect(
        argv.find((a) => a.endsWith('.js')),
        `pid ${pid}`,
      ).toMatch(/(^|\/)dist\/(start|host)\.js$/);
      expect(nodeOptions, `pid ${pid}`).not.toMatch(/tsx/);
    }
  });

  it('refuses to run the sources with NODE_ENV=production', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/host/main.ts', 'incidents'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        POLYSTATUS_INTERNAL_SECRET: randomBytes(32).toString('hex'),
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/incidents: NODE_ENV=production runs the compiled output only/);
  });

  it('restarts the whole process when it dies, every service on its port again', async () => {
    const before = stack.services[0]!.pid;
    process.kill(before, 'SIGKILL');
    expect(
      await waitUntil(() => {
        const now = stack.state().services;
        return now.every((s) => s.pid !== null && s.pid !== before && s.status === 'running');
      }, 30_000),
      stack.output().slice(-4000),
    ).toBe(true);
    const now = stack.state().services;
    expect(new Set(now.map((s) => s.pid)).size).toBe(1);
    expect(now.every((s) => s.restarts === 1)).toBe(true);
    expect(stack.output()).toMatch(
      /services \(users, incidents, [^)]*\) exited unexpectedly \(SIGKILL\); restarting/,
    );
    for (const s of now) expect((await fetch(`${s.url}/readyz`)).status, s.name).toBe(200);
    const { body } = await gql(stack, '{ incidents(first: 1) { nodes { id } } }');
    if (body.errors) expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(body.errors[0].extensions.code);
  });
});

describe('launcher: single mode, a service failing to start', () => {
  it('stops the whole process and the start, naming the service and why', async () => {
    const failed = startStack({ env: { GRAPHQL_MAX_COST: 'lots' } });
    await expect(failed).rejects.toThrow(/gateway: invalid environment:[\s\S]*GRAPHQL_MAX_COST/);
    await expect(failed).rejects.toThrow(/stopping the other services of this process \(gateway failed\)/);
  });
});

describeWithRedisServer('launcher: embedded Redis', () => {
  // That an acknowledged write survives a crash is proven on a service write in durability.test.ts; this proves the
  // launcher's own Redis is configured the same way and lives as long as the launcher.
  it('starts redis-server with AOF and fsync always under .data/redis/<port> when nothing answers, and stops it on exit', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const probe = () => {
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.on('error', () => {});
      return redis;
    };
    const dir = join(ROOT, '.data', 'redis', String(port));
    try {
      const stack = await startStack({ env: { REDIS_URL: url } });
      const redis = probe();
      try {
        await redis.connect();
        expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
        expect(await redis.config('GET', 'appendfsync')).toEqual(['appendfsync', 'always']);
        // A fixed folder per port, so the next `npm start` finds the data again.
        expect(await redis.config('GET', 'dir')).toEqual(['dir', dir]);
      } finally {
        redis.disconnect();
      }
      expect(stack.output()).toMatch(/started redis-server/);
      expect((await stack.stop()).code).toBe(0);
      const after = probe();
      await expect(after.connect()).rejects.toThrow();
      after.disconnect();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
