import { fileURLToPath } from 'node:url';
import type { ServiceSpec } from '@polystatus/registry';
import { afterEach, describe, expect, it } from 'vitest';
import { type Launch, type LaunchedService, type LaunchOptions, launch, livePid } from './launcher.ts';
import type { Output } from './output.ts';

/** Supervision against stand-in services (scripts/launcher/fixtures/echo), each a tiny HTTP server. */
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

const spec = (name: string, dependsOn: string[] = []): ServiceSpec => ({
  name,
  kind: 'subgraph',
  dir: 'echo',
  defaultPort: 1,
  dependsOn,
  env: () => ({ FIXTURE_NAME: name }),
});
const REGISTRY = [spec('a'), spec('b', ['a']), spec('c', ['a'])];

const alive = (pid: number | null | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const answers = async (s: LaunchedService) => {
  try {
    return (await fetch(`${s.url}/readyz`, { signal: AbortSignal.timeout(500) })).status === 200;
  } catch {
    return false;
  }
};
const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
};

let lines: string[] = [];
const out: Output = {
  info: (m) => lines.push(m),
  error: (m) => lines.push(m),
  child: (n, l) => lines.push(`${n} | ${l}`),
};
let running: Launch | undefined;
const start = async (opts: Partial<LaunchOptions> = {}) => {
  running = await launch({
    root: FIXTURES,
    env: { PATH: process.env.PATH, POLYSTATUS_PORTS: 'auto' },
    out,
    services: REGISTRY,
    stopDeadlineMs: 3000,
    ...opts,
    restart: { initialDelayMs: 50, maxDelayMs: 200, ...opts.restart },
  });
  const byName = (name: string) => running!.services.find((s) => s.spec.name === name)!;
  return { launched: running, a: byName('a'), b: byName('b'), c: byName('c') };
};

afterEach(async () => {
  await running?.stop();
  running = undefined;
  lines = [];
});

describe('launcher supervision', () => {
  it('restarts a crashed service on its port and leaves the others alone', async () => {
    const changes: Array<Record<string, number | null>> = [];
    const { a, b, c } = await start({
      onChange: (services) =>
        changes.push(Object.fromEntries(services.map((s) => [s.spec.name, livePid(s)]))),
    });
    const [pidA, pidB, pidC] = [a.child.pid!, b.child.pid!, c.child.pid!];
    process.kill(pidA, 'SIGKILL');
    expect(await until(() => a.status === 'running' && a.child.pid !== pidA)).toBe(true);
    expect(await answers(a)).toBe(true);
    expect(a.restarts).toBe(1);
    expect([b.child.pid, c.child.pid]).toEqual([pidB, pidC]);
    expect(alive(pidB) && alive(pidC)).toBe(true);
    expect(lines.join('\n')).toMatch(/a exited unexpectedly \(SIGKILL\); restarting in 0.05 s/);
    // Reported: down (no pid), then the new pid.
    expect(changes[0]).toEqual({ a: null, b: pidB, c: pidC });
    expect(changes.at(-1)).toEqual({ a: a.child.pid, b: pidB, c: pidC });
  });

  it('gives up on a service that keeps crashing, and only on that one', async () => {
    const { a, b, c } = await start({ restart: { maxRestarts: 2 } });
    for (let crash = 1; crash <= 3; crash++) {
      expect(await until(() => a.status === 'running')).toBe(true);
      process.kill(a.child.pid!, 'SIGKILL');
      expect(await until(() => a.status !== 'running')).toBe(true);
    }
    expect(await until(() => a.status === 'given-up')).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(a.restarts).toBe(2);
    expect(livePid(a)).toBe(null);
    expect(await answers(a)).toBe(false);
    expect((await Promise.all([answers(b), answers(c)])).every(Boolean)).toBe(true);
    expect(lines.join('\n')).toMatch(/a exited unexpectedly \(SIGKILL\): 3 crashes within 60 s; GIVING UP/);
  });

  it('fails the start when a service dies during start-up, stopping what was started', async () => {
    const pids = new Map<string, number>();
    const failing = launch({
      root: FIXTURES,
      env: { PATH: process.env.PATH, POLYSTATUS_PORTS: 'auto', FIXTURE_FAIL: 'c' },
      out: {
        ...out,
        child: (name, line) => {
          const pid = /pid (\d+)/.exec(line)?.[1];
          if (pid) pids.set(name, Number(pid));
        },
      },
      services: REGISTRY,
      stopDeadlineMs: 3000,
    });
    await expect(failing).rejects.toThrow(/c exited with code 3 while starting/);
    expect(pids.has('a')).toBe(true);
    expect([...pids.values()].filter(alive)).toEqual([]);
    expect(lines.join('\n')).toMatch(/c exited unexpectedly while starting \(code 3\)/);
  });

  it('cancels a pending restart when stopped', async () => {
    const { launched, a, b } = await start({ restart: { initialDelayMs: 500 } });
    process.kill(a.child.pid!, 'SIGKILL');
    expect(await until(() => a.status === 'restarting')).toBe(true);
    const pidB = b.child.pid!;
    await launched.stop();
    await new Promise((r) => setTimeout(r, 800));
    expect(a.status).toBe('restarting');
    expect(livePid(a)).toBe(null);
    expect(alive(pidB)).toBe(false);
    expect(await answers(a)).toBe(false);
  });
});
