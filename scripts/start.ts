import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTime, settleMemoryWhenQuiet } from '@polystatus/kit';
import { portVariable, SERVICES } from '@polystatus/registry';
import {
  devInternalSecret,
  devSecretFile,
  localKeyEncryptionKey,
  localKeyPrefix,
} from './launcher/dev-secret.ts';
import { type Launch, type LaunchedService, type LaunchMode, launch, livePid } from './launcher/launcher.ts';
import { consoleOutput } from './launcher/output.ts';
import { withoutServices } from './launcher/plan.ts';
import { ensureRedis, type RedisGuard } from './launcher/redis.ts';
import { maxRestartsFrom } from './launcher/restart.ts';
import { builtRuntime, sourceRuntime } from './launcher/runtime.ts';

/**
 * `npm start` (compiled, from dist/, after `scripts/build.ts --if-changed`) and `npm run dev` (this file through
 * tsx): Redis (found or started), the supergraph (from source only; the build composes it), then every service
 * in dependency order, in single mode (one process for every service; the default of `npm start`) or split mode
 * (one process per service; the default of `npm run dev`), chosen by `--single`/`--split` or POLYSTATUS_MODE. Ctrl-C or
 * SIGTERM stops everything and exits 0. A service failing during start-up stops everything and exits 1; a service
 * crashing later is restarted on its own (backoff 0.5 s doubling to 10 s) while the others keep running, and
 * given up (left down, the launcher stays up) after more than POLYSTATUS_MAX_RESTARTS crashes within 60 s.
 *
 * Environment understood here (everything else is passed through to the services):
 *   POLYSTATUS_MODE        single or split (a --single or --split argument wins)
 *   REDIS_URL              default redis://127.0.0.1:6379
 *   <NAME>_PORT            a service's port, e.g. INCIDENTS_PORT, REST_INCIDENTS_PORT (name upper-cased, - → _)
 *   POLYSTATUS_PORTS=auto  free ports instead of the port table (tests)
 *   POLYSTATUS_STATE_FILE  when set, the launcher writes the services' URLs and live pids there (JSON) once all
 *                          are ready, rewrites it whenever a service crashes or is restarted, removes it on exit
 *   POLYSTATUS_READY_TIMEOUT_MS  how long a service may take to answer /readyz (default 60000)
 *   POLYSTATUS_MAX_RESTARTS      crashes within 60 s a service is restarted after before it is given up (default 5)
 *   POLYSTATUS_INTERNAL_SECRET   when unset, a random one made once per checkout (.data/dev-internal-secret)
 *   REDIS_KEY_PREFIX       when unset, one made once per checkout (.data/redis-key-prefix; `ps` for a checkout
 *                          that ran before prefixes were chosen)
 *   NODE_ENV               when unset, `production` for `npm start` (with POLYSTATUS_KEY_ENCRYPTION_KEY from
 *                          .data/key-encryption-key and POLYSTATUS_ADMIN_GENERATE=true unless set), development for
 *                          `npm run dev`
 */
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const out = consoleOutput();
const runtime = buildTime ? builtRuntime(ROOT) : sourceRuntime(ROOT);

function modeFrom(args: string[], variable: string | undefined): LaunchMode {
  const flags: string[] = args.filter((a) => a === '--single' || a === '--split');
  const unknown = args.filter((a) => !flags.includes(a));
  if (unknown.length)
    throw new Error(`unknown argument(s): ${unknown.join(' ')} (understood: --single, --split)`);
  if (flags.length > 1) throw new Error('--single and --split: choose one');
  if (flags[0]) return flags[0] === '--single' ? 'single' : 'split';
  if (variable === 'single' || variable === 'split') return variable;
  if (variable) throw new Error(`POLYSTATUS_MODE must be "single" or "split", not "${variable}"`);
  // Compiled, the small footprint; from source, one process per service, each restarted alone while editing.
  return runtime.kind === 'built' ? 'single' : 'split';
}

let mode: LaunchMode;
try {
  mode = modeFrom(process.argv.slice(2), process.env.POLYSTATUS_MODE);
} catch (err) {
  out.error((err as Error).message);
  process.exit(2);
}

const ranBefore = existsSync(devSecretFile(ROOT));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  POLYSTATUS_INTERNAL_SECRET: process.env.POLYSTATUS_INTERNAL_SECRET || devInternalSecret(ROOT),
  // This checkout's own keys: another checkout's data in the same Redis is sealed with other secrets.
  REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX || localKeyPrefix(ROOT, { ranBefore }),
};
if (runtime.kind === 'built' && !process.env.NODE_ENV) {
  // `npm start` runs the compiled services as the image does, in production mode (graphql-js without its
  // development checks, no landing pages), yet with no configuration: the checkout's own secrets from .data/,
  // and a first admin generated and printed once when none is chosen. `npm run dev` stays in development.
  env.NODE_ENV = 'production';
  env.POLYSTATUS_KEY_ENCRYPTION_KEY ||= localKeyEncryptionKey(ROOT, env.POLYSTATUS_INTERNAL_SECRET!, {
    ranBefore,
  });
  env.POLYSTATUS_ADMIN_GENERATE ||= 'true';
}
const stateFile = env.POLYSTATUS_STATE_FILE || undefined;

let redisStarting: Promise<RedisGuard> | undefined;
let launching: Promise<Launch> | undefined;
let running: Launch | undefined;
let exiting = false;
const startAbort = new AbortController();

/** Stops everything once; later calls wait for the first one, which exits the process. */
async function shutdown(code: number, why: string): Promise<never> {
  if (exiting) return new Promise<never>(() => {});
  exiting = true;
  out.info(`${why}; stopping`);
  // Interrupted during start-up: the launch stops what it started before it rejects.
  startAbort.abort();
  await launching?.catch(() => undefined);
  await running?.stop();
  const redis = await redisStarting?.catch(() => undefined);
  await redis?.stop();
  if (stateFile) rmSync(stateFile, { force: true });
  out.info(code === 0 ? 'stopped' : `stopped (exit ${code})`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void shutdown(0, signal);
  });
}

/** The state file lists only live pids (null while a service is down); written atomically for readers polling it. */
function writeState(services: LaunchedService[], skipped: string[]): void {
  if (!stateFile || exiting) return;
  const state = {
    pid: process.pid,
    mode,
    runtime: runtime.kind,
    redisUrl: env.REDIS_URL,
    services: services.map((s) => ({
      name: s.spec.name,
      kind: s.spec.kind,
      process: s.processName,
      url: s.url,
      port: s.port,
      pid: livePid(s),
      status: s.status,
      restarts: s.restarts,
    })),
    skipped,
  };
  const tmp = `${stateFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, stateFile);
}

try {
  const maxRestarts = maxRestartsFrom(env.POLYSTATUS_MAX_RESTARTS);
  redisStarting = ensureRedis(env.REDIS_URL!, ROOT, out);
  await redisStarting;
  out.info(`redis: keys under ${env.REDIS_KEY_PREFIX}:`);

  // The build composed it already; from source, compose here (loaded only then: composition is heavy).
  if (runtime.kind === 'source') {
    const { composeFromRepo, writeSupergraph } = await import('../gateway/src/compose/compose.ts');
    const composed = composeFromRepo();
    if (!composed.ok) {
      out.error('supergraph composition failed:');
      for (const e of composed.errors) out.error(`  ${e}`);
      await shutdown(1, 'composition failed');
    } else {
      const written = writeSupergraph(composed.supergraphSdl);
      out.info(`supergraph: gateway/supergraph.graphql ${written}`);
    }
  }
  out.info(`${mode} mode, ${runtime.kind === 'built' ? 'compiled (dist/)' : 'from source (tsx)'}`);

  let skipped: string[] = [];
  launching = launch({
    root: ROOT,
    services: withoutServices(SERVICES, env.POLYSTATUS_WITHOUT),
    mode,
    runtime,
    env,
    out,
    readyTimeoutMs: Number(env.POLYSTATUS_READY_TIMEOUT_MS) || 60_000,
    restart: { maxRestarts },
    onChange: (services) => writeState(services, skipped),
    signal: startAbort.signal,
  });
  running = await launching;
  skipped = running.skipped.map((s) => s.name);
} catch (err) {
  if (!exiting) out.error((err as Error).message);
  await shutdown(1, 'start failed');
}

if (running && !exiting) {
  const rows = running.services.map((s) => [s.spec.name, s.spec.kind, s.url, portVariable(s.spec.name)]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...[['service', 'kind', 'url', 'port variable'], ...rows].map((r) => r[i]!.length)),
  );
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  out.info('ready:');
  for (const r of [['service', 'kind', 'url', 'port variable'], ...rows]) out.info(`  ${line(r)}`);
  const gateway = running.services.find((s) => s.spec.kind === 'gateway');
  if (gateway) out.info(`GraphQL: ${gateway.url}/graphql   (Ctrl-C stops everything)`);

  writeState(
    running.services,
    running.skipped.map((s) => s.name),
  );
  // Stay up until a signal, even if every service were given up and no child process were left to wait on.
  setInterval(() => {}, 1 << 30);
  // The launcher only relays lines from here on: give back what starting Redis, the build check and the children took.
  settleMemoryWhenQuiet();
}
