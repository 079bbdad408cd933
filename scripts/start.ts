import { writeFileSync } from 'node:fs';
import { composeFromRepo, REPO_ROOT, writeSupergraph } from '../gateway/src/compose/compose.ts';
import { type Launch, launch } from './launcher/launcher.ts';
import { consoleOutput } from './launcher/output.ts';
import { portVariable } from './launcher/ports.ts';
import { ensureRedis, type RedisGuard } from './launcher/redis.ts';

/**
 * `npm start`: Redis (found or started), the supergraph, then every service in dependency order. Ctrl-C or
 * SIGTERM stops everything and exits 0; a service dying stops everything and exits 1.
 *
 * Environment understood here (everything else is passed through to the services):
 *   REDIS_URL              default redis://127.0.0.1:6379
 *   <NAME>_PORT            a service's port, e.g. INCIDENTS_PORT, REST_INCIDENTS_PORT (name upper-cased, - → _)
 *   POLYSTATUS_PORTS=auto  free ports instead of the port table (tests)
 *   POLYSTATUS_STATE_FILE  when set, the launcher writes the services' URLs and pids there (JSON) once all are ready
 *   POLYSTATUS_READY_TIMEOUT_MS  how long a service may take to answer /readyz (default 60000)
 */
const out = consoleOutput();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
};

let redis: RedisGuard | undefined;
let running: Launch | undefined;
let exiting = false;

async function shutdown(code: number, why: string): Promise<never> {
  if (!exiting) {
    exiting = true;
    out.info(`${why}; stopping`);
    await running?.stop();
    await redis?.stop();
    out.info(code === 0 ? 'stopped' : `stopped (exit ${code})`);
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    void shutdown(0, signal);
  });
}

try {
  redis = await ensureRedis(env.REDIS_URL!, REPO_ROOT, out);

  const composed = composeFromRepo();
  if (!composed.ok) {
    out.error('supergraph composition failed:');
    for (const e of composed.errors) out.error(`  ${e}`);
    await shutdown(1, 'composition failed');
  } else {
    const written = writeSupergraph(composed.supergraphSdl);
    out.info(`supergraph: gateway/supergraph.graphql ${written}`);
  }

  running = await launch({
    root: REPO_ROOT,
    env,
    out,
    readyTimeoutMs: Number(env.POLYSTATUS_READY_TIMEOUT_MS) || 60_000,
  });
} catch (err) {
  out.error((err as Error).message);
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

  if (env.POLYSTATUS_STATE_FILE) {
    const state = {
      pid: process.pid,
      redisUrl: env.REDIS_URL,
      services: running.services.map((s) => ({
        name: s.spec.name,
        kind: s.spec.kind,
        url: s.url,
        port: s.port,
        pid: s.child.pid,
      })),
      skipped: running.skipped.map((s) => s.name),
    };
    writeFileSync(env.POLYSTATUS_STATE_FILE, JSON.stringify(state, null, 2));
  }

  const dead = await running.died;
  await shutdown(1, `${dead.spec.name} died`);
}
