import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { portVariable } from '@polystatus/registry';
import { composeFromRepo, REPO_ROOT, writeSupergraph } from '../gateway/src/compose/compose.ts';
import { devInternalSecret } from './launcher/dev-secret.ts';
import { type Launch, type LaunchedService, launch, livePid } from './launcher/launcher.ts';
import { consoleOutput } from './launcher/output.ts';
import { ensureRedis, type RedisGuard } from './launcher/redis.ts';
import { maxRestartsFrom } from './launcher/restart.ts';

/**
 * `npm start`: Redis (found or started), the supergraph, then every service in dependency order. Ctrl-C or
 * SIGTERM stops everything and exits 0. A service failing during start-up stops everything and exits 1; a service
 * crashing later is restarted on its own (backoff 0.5 s doubling to 10 s) while the others keep running, and
 * given up (left down, the launcher stays up) after more than POLYSTATUS_MAX_RESTARTS crashes within 60 s.
 *
 * Environment understood here (everything else is passed through to the services):
 *   REDIS_URL              default redis://127.0.0.1:6379
 *   <NAME>_PORT            a service's port, e.g. INCIDENTS_PORT, REST_INCIDENTS_PORT (name upper-cased, - → _)
 *   POLYSTATUS_PORTS=auto  free ports instead of the port table (tests)
 *   POLYSTATUS_STATE_FILE  when set, the launcher writes the services' URLs and live pids there (JSON) once all
 *                          are ready, rewrites it whenever a service crashes or is restarted, removes it on exit
 *   POLYSTATUS_READY_TIMEOUT_MS  how long a service may take to answer /readyz (default 60000)
 *   POLYSTATUS_MAX_RESTARTS      crashes within 60 s a service is restarted after before it is given up (default 5)
 *   POLYSTATUS_INTERNAL_SECRET   when unset, a random one made once per checkout (.data/dev-internal-secret)
 */
const out = consoleOutput();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  POLYSTATUS_INTERNAL_SECRET: process.env.POLYSTATUS_INTERNAL_SECRET || devInternalSecret(REPO_ROOT),
};
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
    redisUrl: env.REDIS_URL,
    services: services.map((s) => ({
      name: s.spec.name,
      kind: s.spec.kind,
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
  redisStarting = ensureRedis(env.REDIS_URL!, REPO_ROOT, out);
  await redisStarting;

  const composed = composeFromRepo();
  if (!composed.ok) {
    out.error('supergraph composition failed:');
    for (const e of composed.errors) out.error(`  ${e}`);
    await shutdown(1, 'composition failed');
  } else {
    const written = writeSupergraph(composed.supergraphSdl);
    out.info(`supergraph: gateway/supergraph.graphql ${written}`);
  }

  let skipped: string[] = [];
  launching = launch({
    root: REPO_ROOT,
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
}
