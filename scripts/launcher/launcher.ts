import { type ChildProcess, spawn } from 'node:child_process';
import { SERVICES, type ServiceSpec } from '../services.ts';
import { hasExited, pipeLines, stopChild } from './child.ts';
import type { Output } from './output.ts';
import { entryPoint, planFromDisk } from './plan.ts';
import { resolvePorts } from './ports.ts';

export interface LaunchedService {
  spec: ServiceSpec;
  port: number;
  url: string;
  child: ChildProcess;
}

export interface LaunchOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  out: Output;
  /** The address services use to reach each other (they listen on HOST, default all interfaces). */
  host?: string;
  readyTimeoutMs?: number;
  /** SIGTERM to SIGKILL, per process. */
  stopDeadlineMs?: number;
  services?: ServiceSpec[];
}

export interface Launch {
  services: LaunchedService[];
  skipped: ServiceSpec[];
  /** Resolves with the first service that exits on its own (a crash, from the launcher's point of view). */
  died: Promise<LaunchedService>;
  /** Stops every service, dependents first. Safe to call more than once. */
  stop(): Promise<void>;
}

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

async function waitReady(s: LaunchedService, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isReady(s.url))) {
    if (hasExited(s.child))
      throw new Error(
        `${s.spec.name} exited with code ${s.child.exitCode ?? s.child.signalCode} while starting`,
      );
    if (Date.now() > deadline)
      throw new Error(`${s.spec.name} did not answer ${s.url}/readyz within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Starts every service of scripts/services.ts whose entry point exists, wave by wave: a service is started only
 * once everything it depends on answers /readyz. Each child runs `node --import tsx <dir>/src/main.ts` with its
 * PORT and the URLs of its dependencies, and its output is prefixed with its name.
 */
export async function launch(opts: LaunchOptions): Promise<Launch> {
  const host = opts.host ?? '127.0.0.1';
  const registry = opts.services ?? SERVICES;
  const ports = await resolvePorts(registry, opts.env);
  const plan = planFromDisk(opts.root, registry);
  const started: LaunchedService[] = [];
  let stopping = false;
  let reportDeath: (s: LaunchedService) => void = () => {};
  const died = new Promise<LaunchedService>((resolve) => {
    reportDeath = resolve;
  });

  const stop = async () => {
    stopping = true;
    // Dependents first, so nothing is left calling a service that is already gone.
    for (const wave of [...plan.waves].reverse()) {
      const running = started.filter((s) => wave.includes(s.spec));
      await Promise.all(
        running.map(async (s) => {
          const how = await stopChild(s.child, opts.stopDeadlineMs ?? 15_000);
          if (how === 'killed') opts.out.error(`${s.spec.name} ignored SIGTERM; killed`);
        }),
      );
    }
  };

  const start = (spec: ServiceSpec): LaunchedService => {
    const port = ports[spec.name]!;
    const child = spawn(process.execPath, ['--import', 'tsx', entryPoint(opts.root, spec)], {
      cwd: opts.root,
      env: { ...opts.env, ...spec.env(ports, host), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service: LaunchedService = { spec, port, url: `http://${host}:${port}`, child };
    pipeLines(child, (line) => opts.out.child(spec.name, line));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      opts.out.error(`${spec.name} exited unexpectedly (${signal ?? `code ${code}`})`);
      reportDeath(service);
    });
    started.push(service);
    return service;
  };

  if (plan.skipped.length) {
    opts.out.info(
      `skipped (no src/main.ts yet): ${plan.skipped.map((s) => `${s.name} (${s.dir})`).join(', ')}`,
    );
  }
  try {
    for (const wave of plan.waves) {
      opts.out.info(`starting ${wave.map((s) => s.name).join(', ')}`);
      const services = wave.map(start);
      await Promise.all(services.map((s) => waitReady(s, opts.readyTimeoutMs ?? 60_000)));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { services: started, skipped: plan.skipped, died, stop };
}
