import { type ChildProcess, spawn } from 'node:child_process';
import { portVariable, SERVICES, type ServiceSpec, serviceEnv } from '@polystatus/registry';
import { hasExited, pipeLines, stopChild } from './child.ts';
import type { Output } from './output.ts';
import { planFromDisk, planLaunch } from './plan.ts';
import { resolvePorts } from './ports.ts';
import { CrashHistory, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart.ts';
import { canHost, type Runtime, sourceRuntime } from './runtime.ts';

/**
 * `starting`: spawned, not answering /readyz yet; `running`: answered /readyz; `restarting`: crashed, waiting
 * for its backoff delay; `given-up`: crashed too often, left down.
 */
export type ServiceStatus = 'starting' | 'running' | 'restarting' | 'given-up';

/**
 * `split`: one process per service, each restarted on its own. `single`: every service the host can run in one
 * process (plus one process per service whose kind brings its own server, e.g. the web app); that process is
 * restarted whole when it exits, because it exits whenever any of its services fails (kit runParts).
 */
export type LaunchMode = 'single' | 'split';

export interface LaunchedService {
  spec: ServiceSpec;
  port: number;
  url: string;
  /** The current process running it (shared by every service of a single-mode host); replaced on restart. */
  child: ChildProcess;
  /** What the launcher calls the process in its messages: the service's name, or `services` for the host. */
  processName: string;
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
  /** Default `split`. */
  mode?: LaunchMode;
  /** How processes are started (default: from the sources through tsx). */
  runtime?: Runtime;
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

/** One child process and the services it runs. */
interface ProcessUnit {
  name: string;
  services: LaunchedService[];
  args: string[];
  env: NodeJS.ProcessEnv;
  child?: ChildProcess;
  history?: CrashHistory;
}

/** The single-mode host's name in messages and the state file's `process` field. */
export const HOST_PROCESS = 'services';

/** `{"level":30,…,"service":"incidents",…}` → `incidents`: whose line it is when one process runs several. */
const serviceOfLine = (line: string): string | undefined => /"service":"([^"]+)"/.exec(line)?.[1];

/**
 * Starts every service of the registry (@polystatus/registry) that has a `src/main.ts`, wave by wave: a process is
 * started only once everything its services depend on answers /readyz. In split mode each service is its own
 * process; in single mode the services the host can run share one (runtime.ts says which, and how each process
 * is started: from the sources or from dist/). Every service gets its PORT and the URLs of its dependencies, and
 * each output line is prefixed with the name of the service that wrote it.
 *
 * Any process exiting during start-up fails the start: everything started is stopped and `launch` rejects. Once
 * all are ready, a process that exits on its own is restarted with its services on their ports, with capped
 * exponential backoff, while the other processes keep running; one that crashes more often than the restart
 * policy allows is given up and left down, and the rest of the stack carries on without it.
 */
export async function launch(opts: LaunchOptions): Promise<Launch> {
  const host = opts.host ?? '127.0.0.1';
  const registry = opts.services ?? SERVICES;
  const mode = opts.mode ?? 'split';
  const runtime = opts.runtime ?? sourceRuntime(opts.root);
  const policy: RestartPolicy = { ...DEFAULT_RESTART_POLICY, ...opts.restart };
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const ports = await resolvePorts(registry, opts.env);
  const plan = planFromDisk(opts.root, registry);
  const present = plan.waves.flat();
  const started: LaunchedService[] = [];
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let phase: 'starting' | 'supervising' | 'stopping' = 'starting';
  let startupFailure: string | undefined;

  const changed = () => {
    if (phase === 'supervising') opts.onChange?.(started);
  };

  const serviceOf = (spec: ServiceSpec, processName: string): LaunchedService => {
    const port = ports[spec.name]!;
    return { spec, port, url: `http://${host}:${port}`, restarts: 0, processName } as LaunchedService;
  };

  // The processes: in single mode the host takes every service it can run, the others keep their own.
  const hosted = mode === 'single' ? present.filter((s) => canHost(opts.root, s)) : [];
  const units: ProcessUnit[] = [];
  if (hosted.length) {
    units.push({
      name: HOST_PROCESS,
      services: hosted.map((s) => serviceOf(s, HOST_PROCESS)),
      args: runtime.host(hosted),
      // The host gives each service its environment (registry serviceEnv) from every service's port.
      env: {
        ...opts.env,
        ...Object.fromEntries(registry.map((s) => [portVariable(s.name), String(ports[s.name])])),
      },
    });
  }
  for (const spec of present.filter((s) => !hosted.includes(s))) {
    units.push({
      name: spec.name,
      services: [serviceOf(spec, spec.name)],
      args: runtime.own(spec),
      env: serviceEnv(opts.env, spec, ports, host),
    });
  }
  const unitOf = new Map(units.flatMap((u) => u.services.map((s) => [s.spec.name, u] as const)));
  // Waves of processes: a process waits for what its services depend on outside it.
  const waves = planLaunch(
    units.map((u) => ({
      ...u.services[0]!.spec,
      name: u.name,
      dependsOn: [
        ...new Set(
          u.services
            .flatMap((s) => s.spec.dependsOn.map((d) => unitOf.get(d)?.name))
            .filter((n) => n && n !== u.name),
        ),
      ] as string[],
    })),
    () => true,
  ).waves.map((wave) => wave.map((w) => units.find((u) => u.name === w.name)!));

  const spawnUnit = (unit: ProcessUnit): ChildProcess => {
    const child = spawn(process.execPath, unit.args, {
      cwd: opts.root,
      env: unit.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const several = unit.services.length > 1;
    pipeLines(child, (line) =>
      opts.out.child(several ? (serviceOfLine(line) ?? unit.name) : unit.name, line),
    );
    child.once('exit', (code, signal) => {
      if (phase === 'stopping' || unit.child !== child) return;
      if (phase === 'starting') {
        opts.out.error(`${unit.name} exited unexpectedly while starting (${describeExit(code, signal)})`);
        startupFailure ??= `${unit.name} exited with ${describeExit(code, signal)} while starting`;
        return;
      }
      crashed(unit, describeExit(code, signal));
    });
    unit.child = child;
    for (const s of unit.services) {
      s.child = child;
      s.status = 'starting';
    }
    return child;
  };

  const crashed = (unit: ProcessUnit, how: string) => {
    unit.history ??= new CrashHistory(policy);
    const decision = unit.history.crashed(Date.now());
    const within = `within ${policy.windowMs / 1000} s`;
    const what =
      unit.services.length > 1
        ? `${unit.name} (${unit.services.map((s) => s.spec.name).join(', ')})`
        : unit.name;
    if (decision.action === 'give-up') {
      for (const s of unit.services) s.status = 'given-up';
      const bar = '!'.repeat(72);
      opts.out.error(bar);
      opts.out.error(
        `${what} exited unexpectedly (${how}): ${decision.crashes} crashes ${within}; GIVING UP on it.`,
      );
      opts.out.error(
        `${unit.name} stays down; the other processes keep running. Fix it and restart the launcher.`,
      );
      opts.out.error(bar);
      changed();
      return;
    }
    for (const s of unit.services) s.status = 'restarting';
    opts.out.error(
      `${what} exited unexpectedly (${how}); restarting in ${decision.delayMs / 1000} s ` +
        `(crash ${decision.crashes} of at most ${policy.maxRestarts} ${within})`,
    );
    changed();
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (phase !== 'supervising') return;
      const child = spawnUnit(unit);
      for (const s of unit.services) s.restarts++;
      opts.out.info(`restarted ${unit.name} (pid ${child.pid})`);
      changed();
      for (const s of unit.services) void watchReady(s, child);
    }, decision.delayMs);
    pendingRestarts.add(timer);
  };

  /** After a restart: marks the service running once it answers /readyz again (unless its process exits first). */
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
    const timeoutMs = Math.max(readyTimeoutMs, s.spec.minReadyTimeoutMs ?? 0);
    const deadline = Date.now() + timeoutMs;
    while (!(await isReady(s.url))) {
      if (startupFailure) throw new Error(startupFailure);
      if (opts.signal?.aborted) throw new Error('start interrupted');
      if (hasExited(s.child))
        throw new Error(
          `${s.processName} exited with code ${s.child.exitCode ?? s.child.signalCode} while starting`,
        );
      if (Date.now() > deadline)
        throw new Error(`${s.spec.name} did not answer ${s.url}/readyz within ${timeoutMs} ms`);
      await sleep(150);
    }
    s.status = 'running';
  };

  const stop = async () => {
    phase = 'stopping';
    for (const timer of pendingRestarts) clearTimeout(timer);
    pendingRestarts.clear();
    // Dependents first, so nothing is left calling a service that is already gone.
    for (const wave of [...waves].reverse()) {
      await Promise.all(
        wave
          .filter((u) => u.child)
          .map(async (u) => {
            const how = await stopChild(u.child!, opts.stopDeadlineMs ?? 15_000);
            if (how === 'killed') opts.out.error(`${u.name} ignored SIGTERM; killed`);
          }),
      );
    }
  };

  if (plan.skipped.length) {
    opts.out.info(
      `skipped (no src/main.ts yet): ${plan.skipped.map((s) => `${s.name} (${s.dir})`).join(', ')}`,
    );
  }
  try {
    for (const wave of waves) {
      if (opts.signal?.aborted) throw new Error('start interrupted');
      opts.out.info(
        `starting ${wave.map((u) => (u.services.length > 1 ? `${u.name} (${u.services.map((s) => s.spec.name).join(', ')})` : u.name)).join(', ')}`,
      );
      for (const unit of wave) {
        spawnUnit(unit);
        started.push(...unit.services);
      }
      await Promise.all(wave.flatMap((u) => u.services).map(waitReady));
      // A process of an earlier wave may have died while this one started.
      if (startupFailure) throw new Error(startupFailure);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  phase = 'supervising';
  // In registry order, whatever process each service ended up in.
  started.sort((a, b) => registry.indexOf(a.spec) - registry.indexOf(b.spec));
  return { services: started, skipped: plan.skipped, stop };
}
