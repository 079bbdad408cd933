import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deletePrefix, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { SERVICES } from '@polystatus/registry';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface StackService {
  name: string;
  kind: string;
  url: string;
  port: number;
  pid: number;
  /** The process it runs in: its own name in split mode, `services` for every hosted service in single mode. */
  process: string;
}

/** The launcher's state file as it stands now: a service that is down (crashed, given up) has `pid: null`. */
export interface StackState {
  pid: number;
  mode: 'single' | 'split';
  runtime: 'built' | 'source';
  services: Array<Omit<StackService, 'pid'> & { pid: number | null; status: string; restarts: number }>;
  skipped: string[];
}

export interface Stack {
  /** Base URL of each running service, by name (`gateway` → `http://127.0.0.1:41234`). */
  urls: Record<string, string>;
  /** `<gateway>/graphql`. */
  graphqlUrl: string;
  /** The services as they were once all were ready. */
  services: StackService[];
  /** Where the launcher keeps its state (POLYSTATUS_STATE_FILE); it removes the file when it exits. */
  stateFile: string;
  /** Reads the state file again (the launcher rewrites it when a service crashes or is restarted). */
  state(): StackState;
  launcherPid: number;
  keyPrefix: string;
  /** The secret the stack signs identities with, for tests that speak to a subgraph directly. */
  internalSecret: string;
  admin: { email: string; password: string };
  /** Everything the launcher and the services printed so far (for failure messages). */
  output(): string;
  /** Resolves when the launcher exits, by itself or after stop(). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the launcher, wait for it, delete the stack's Redis keys. Resolves with the launcher's exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StackOptions {
  /** Extra environment for every process (e.g. a tighter RATE_LIMIT_PER_SECOND). */
  env?: Record<string, string>;
  /**
   * `single` (the default, as `npm start`): every service in one process; `split`: one process per service, for
   * the tests that kill or pause one service and watch the others.
   */
  mode?: 'single' | 'split';
  /** How long the whole stack may take to become ready. */
  timeoutMs?: number;
  /**
   * Start the web app too (a Next.js process of its own, the slowest to start): only the browser tests need it,
   * the others run the stack as `POLYSTATUS_WITHOUT=web` would.
   */
  web?: boolean;
}

const OUTPUT_LIMIT = 200_000;

let built = false;
/**
 * `npm start`'s build step, once per test worker: compiles dist/ when a source changed since the last build, so the
 * suite always runs what `npm start` and the image would, never a stale build.
 */
export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-changed'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
  built = true;
}

/**
 * Starts the whole platform through the compiled launcher (`dist/start.js`), exactly as `npm start` would, but on
 * free ports and under a Redis key prefix of its own, so several stacks and other test runs share one Redis safely.
 * Set E2E_VERBOSE=1 to see the processes' output live.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  ensureBuilt();
  const keyPrefix = uniquePrefix('e2e');
  const stateFile = join(tmpdir(), `polystatus-stack-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  const internalSecret = randomBytes(32).toString('hex');
  const admin = {
    email: `admin-${randomBytes(3).toString('hex')}@e2e.polystatus.test`,
    password: `e2e-${randomBytes(12).toString('hex')}`,
  };

  const env: NodeJS.ProcessEnv = { ...process.env };
  // A developer's port overrides would make stacks collide; each stack picks its own.
  for (const s of SERVICES) delete env[`${s.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PORT`];
  Object.assign(env, {
    POLYSTATUS_PORTS: 'auto',
    POLYSTATUS_STATE_FILE: stateFile,
    REDIS_KEY_PREFIX: keyPrefix,
    POLYSTATUS_INTERNAL_SECRET: internalSecret,
    POLYSTATUS_ALLOW_PRIVATE_NETWORK: 'true',
    // The csp catalog's real status pages are on the internet: a test stack registers its own local feeds.
    CSP_CATALOG: 'off',
    POLYSTATUS_ADMIN_EMAIL: admin.email,
    POLYSTATUS_ADMIN_PASSWORD: admin.password,
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    POLYSTATUS_MODE: opts.mode ?? 'single',
    ...(opts.web ? {} : { POLYSTATUS_WITHOUT: 'web' }),
    ...opts.env,
  });

  let output = '';
  const launcher: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/start.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    if (process.env.E2E_VERBOSE) process.stderr.write(text);
    output = (output + text).slice(-OUTPUT_LIMIT);
  };
  launcher.stdout?.on('data', collect);
  launcher.stderr?.on('data', collect);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    launcher.once('exit', (code, signal) => r({ code, signal })),
  );
  let exitedWith: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exit.then((e) => {
    exitedWith = e;
  });

  const cleanKeys = async () => {
    const redis = testRedis();
    try {
      await deletePrefix(redis, keyPrefix);
    } finally {
      redis.disconnect();
    }
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  while (!existsSync(stateFile)) {
    if (exitedWith || Date.now() > deadline) {
      if (!exitedWith) launcher.kill('SIGTERM');
      await exit;
      await cleanKeys();
      throw new Error(
        `the stack did not start (${exitedWith ? `launcher exited ${exitedWith.code}` : 'timed out'}):\n${output.slice(-8000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const readState = () => JSON.parse(readFileSync(stateFile, 'utf8')) as StackState;
  const state = readState();
  // `npm start` tolerates a registered service without an entry point (a domain being written); the suite does
  // not: a deleted or misnamed main.ts must fail it, not quietly shrink what the end-to-end tests cover.
  if (state.skipped.length) {
    launcher.kill('SIGTERM');
    await exit;
    await cleanKeys();
    throw new Error(
      `the service registry (packages/registry) lists ${state.skipped.join(', ')} but the launcher found no entry point (src/main.ts) for it`,
    );
  }
  const urls = Object.fromEntries(state.services.map((s) => [s.name, s.url]));

  let stopped: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  return {
    urls,
    graphqlUrl: `${urls.gateway}/graphql`,
    services: state.services as StackService[],
    stateFile,
    state: readState,
    launcherPid: launcher.pid!,
    keyPrefix,
    internalSecret,
    admin,
    output: () => output,
    exited: exit,
    stop() {
      stopped ??= (async () => {
        if (!exitedWith) launcher.kill('SIGTERM');
        const timer = setTimeout(() => launcher.kill('SIGKILL'), 40_000);
        const result = await exit;
        clearTimeout(timer);
        // The launcher removes it on its way out; not when it was killed.
        if (result.signal) rmSync(stateFile, { force: true });
        await cleanKeys();
        return result;
      })();
      return stopped;
    },
  };
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
