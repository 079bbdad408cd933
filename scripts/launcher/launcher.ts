import { type ChildProcess, spawn } from 'node:child_process';
import { SERVICES, type ServiceSpec } from '@polystatus/registry';
import { hasExited, pipeLines, stopChild } from './child.ts';
import type { Output } from './output.ts';
import { entryPoint, planFromDisk } from './plan.ts';
import { resolvePorts } from './ports.ts';
import { CrashHistory, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart.ts';

/**
 * `starting`: spawned, not answering /readyz yet; `running`: answered /readyz; `restarting`: crashed, waiting
 * for its backoff delay; `given-up`: crashed too often, left down.
 */
export type ServiceStatus = 'starting' | 'running' | 'restarting' | 'given-up';

export interface LaunchedService {
  spec: ServiceSpec;
  port: number;
  url: string;
  /** The current process; replaced when the service is restarted. */
  child: ChildProcess;
  status: ServiceStatus;
  /** How many times the launcher restarted it after a crash. */
  restarts: number;
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
  /** When a service crashes after start-up: how fast to restart it and when to give up on it. */
  restart?: Partial<RestartPolicy>;
  /** Called after start-up whenever a service's process or status changes (crash, restart, ready, given up). */
  onChange?: (services: LaunchedService[]) => void;
  /** Aborting it during start-up stops what was started and makes `launch` reject. */
  signal?: AbortSignal;
}

export interface Launch {
  services: LaunchedService[];
  skipped: ServiceSpec[];
  /** Stops every service, dependents first, and cancels pending restarts. Safe to call more than once. */
  stop(): Promise<void>;
}

/** The pid of a service's process while it is alive, else null. */
export const livePid = (s: LaunchedService): number | null =>
  hasExited(s.child) ? null : (s.child.pid ?? null);

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const describeExit = (code: number | null, signal: NodeJS.Signals | null) => signal ?? `code ${code}`;

/**
 * Starts every service of the registry (@polystatus/registry) whose entry point exists, wave by wave: a service is started only
 * once everything it depends on answers /readyz. Each child runs `node --import tsx <dir>/src/main.ts` with its
 * PORT and the URLs of its dependencies, and its output is prefixed with its name.
 *
 * Any service exiting during start-up fails the start: everything started is stopped and `launch` rejects. Once
 * all are ready, a service that exits on its own is restarted on its own port with capped exponential backoff
 * while the others keep running; one that crashes more often than the restart policy allows is given up and
 * left down, and the rest of the stack carries on without it.
 */
export async function launch(opts: LaunchOptions): Promise<Launch> {
  const host = opts.host ?? '127.0.0.1';
  const registry = opts.services ?? SERVICES;
  const policy: RestartPolicy = { ...DEFAULT_RESTART_POLICY, ...opts.restart };
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const ports = await resolvePorts(registry, opts.env);
  const plan = planFromDisk(opts.root, registry);
  const started: LaunchedService[] = [];
  const histories = new Map<LaunchedService, CrashHistory>();
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let phase: 'starting' | 'supervising' | 'stopping' = 'starting';
  let startupFailure: string | undefined;

  const changed = () => {
    if (phase === 'supervising') opts.onChange?.(started);
  };

  const spawnChild = (service: LaunchedService): ChildProcess => {
    const { spec } = service;
    const child = spawn(process.execPath, ['--import', 'tsx', entryPoint(opts.root, spec)], {
      cwd: opts.root,
      env: { ...opts.env, ...spec.env(ports, host), PORT: String(service.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pipeLines(child, (line) => opts.out.child(spec.name, line));
    child.once('exit', (code, signal) => {
      if (phase === 'stopping' || service.child !== child) return;
      if (phase === 'starting') {
        opts.out.error(`${spec.name} exited unexpectedly while starting (${describeExit(code, signal)})`);
        startupFailure ??= `${spec.name} exited with ${describeExit(code, signal)} while starting`;
        return;
      }
      crashed(service, describeExit(code, signal));
    });
    service.child = child;
    service.status = 'starting';
    return child;
  };

  const crashed = (service: LaunchedService, how: string) => {
    const name = service.spec.name;
    const history = histories.get(service) ?? new CrashHistory(policy);
    histories.set(service, history);
    const decision = history.crashed(Date.now());
    const within = `within ${policy.windowMs / 1000} s`;
    if (decision.action === 'give-up') {
      service.status = 'given-up';
      const bar = '!'.repeat(72);
      opts.out.error(bar);
      opts.out.error(
        `${name} exited unexpectedly (${how}): ${decision.crashes} crashes ${within}; GIVING UP on it.`,
      );
      opts.out.error(`${name} stays down; the other services keep running. Fix it and restart the launcher.`);
      opts.out.error(bar);
      changed();
      return;
    }
    service.status = 'restarting';
    opts.out.error(
      `${name} exited unexpectedly (${how}); restarting in ${decision.delayMs / 1000} s ` +
        `(crash ${decision.crashes} of at most ${policy.maxRestarts} ${within})`,
    );
    changed();
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (phase !== 'supervising') return;
      const child = spawnChild(service);
      service.restarts++;
      opts.out.info(`restarted ${name} (pid ${child.pid})`);
      changed();
      void watchReady(service, child);
    }, decision.delayMs);
    pendingRestarts.add(timer);
  };

  /** After a restart: marks the service running once it answers /readyz again (unless it exits first). */
  const watchReady = async (service: LaunchedService, child: ChildProcess) => {
    const since = Date.now();
    let warned = false;
    while (phase === 'supervising' && service.child === child && !hasExited(child)) {
      if (await isReady(service.url)) {
        if (phase !== 'supervising' || service.child !== child || hasExited(child)) return;
        service.status = 'running';
        opts.out.info(`${service.spec.name} is ready again (pid ${child.pid})`);
        changed();
        return;
      }
      if (!warned && Date.now() - since > readyTimeoutMs) {
        warned = true;
        opts.out.error(
          `${service.spec.name} has not answered ${service.url}/readyz for ${readyTimeoutMs} ms`,
        );
      }
      await sleep(150);
    }
  };

  const waitReady = async (s: LaunchedService): Promise<void> => {
    const deadline = Date.now() + readyTimeoutMs;
    while (!(await isReady(s.url))) {
      if (startupFailure) throw new Error(startupFailure);
      if (opts.signal?.aborted) throw new Error('start interrupted');
      if (hasExited(s.child))
        throw new Error(
          `${s.spec.name} exited with code ${s.child.exitCode ?? s.child.signalCode} while starting`,
        );
      if (Date.now() > deadline)
        throw new Error(`${s.spec.name} did not answer ${s.url}/readyz within ${readyTimeoutMs} ms`);
      await sleep(150);
    }
    s.status = 'running';
  };

  const stop = async () => {
    phase = 'stopping';
    for (const timer of pendingRestarts) clearTimeout(timer);
    pendingRestarts.clear();
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
    const service = { spec, port, url: `http://${host}:${port}`, restarts: 0 } as LaunchedService;
    spawnChild(service);
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
      if (opts.signal?.aborted) throw new Error('start interrupted');
      opts.out.info(`starting ${wave.map((s) => s.name).join(', ')}`);
      const services = wave.map(start);
      await Promise.all(services.map(waitReady));
      // A service of an earlier wave may have died while this one started.
      if (startupFailure) throw new Error(startupFailure);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  phase = 'supervising';
  return { services: started, skipped: plan.skipped, stop };
}
