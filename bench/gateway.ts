import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signIdentity } from '@polystatus/kit';
import { subgraphUrlVariable } from '@polystatus/registry';
import { Pool } from 'undici';
import { isAlive, type Stack, startStack } from '../e2e/support/stack.ts';
import { freePort } from '../scripts/launcher/ports.ts';
import { loginAdmin, seedIncidentsWithCommander } from './support/graphql.ts';

/**
 * What the gateway costs and what keep-alive to the subgraphs buys. The whole stack runs through the launcher
 * (separate processes, as in production); a second gateway with SUBGRAPH_KEEP_ALIVE=false is the baseline.
 * Figures: throughput and latency of a trivial query and of a 50-incident list with commanders, through the
 * gateway (keep-alive and not) and straight to the incidents subgraph (which cannot join commanders by itself).
 *
 * BENCH_SECONDS (default 3) per measurement, BENCH_ROUNDS (default 2) interleaved rounds, BENCH_CONCURRENCY
 * (default 16) requests in flight.
 */
const SECONDS = Number(process.env.BENCH_SECONDS) || 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 2;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16;
const INCIDENTS = 50;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
  query: string;
}

interface Result {
  label: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Closed loop: CONCURRENCY workers each send the next request when the previous one answered. */
async function measure(target: Target, seconds = SECONDS): Promise<Result> {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections: CONCURRENCY });
  const body = JSON.stringify({ query: target.query });
  const headers = { 'content-type': 'application/json', ...target.headers };
  const once = async () => {
    const res = await pool.request({ path: url.pathname, method: 'POST', headers, body });
    const text = await res.body.text();
    return res.statusCode === 200 && !text.includes('"errors"');
  };
  const run = async (ms: number, latencies: number[] | undefined) => {
    let errors = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < end) {
          const t0 = performance.now();
          const ok = await once().catch(() => false);
          latencies?.push(performance.now() - t0);
          if (!ok) errors++;
        }
      }),
    );
    return errors;
  };
  await run(1000, undefined); // warm-up: JIT, query plan cache, connection pools
  const latencies: number[] = [];
  const errors = await run(seconds * 1000, latencies);
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    label: target.label,
    requests: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

/** A second gateway on the same subgraphs, opening a new connection for every subgraph request. */
async function startBaselineGateway(stack: Stack): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const subgraphUrls = Object.fromEntries(
    stack.services
      .filter((s) => s.kind === 'subgraph')
      .map((s) => [subgraphUrlVariable(s.name), `${s.url}/graphql`]),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...subgraphUrls,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      USERS_SERVICE_URL: stack.urls.users,
      POLYSTATUS_INTERNAL_SECRET: stack.internalSecret,
      RATE_LIMIT_PER_SECOND: '0',
      SUBGRAPH_KEEP_ALIVE: 'false',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('baseline gateway did not start');
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url: `${url}/graphql`, child };
}

const fmt = (r: Result) =>
  `${r.label.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99
    .toFixed(1)
    .padStart(6)} ms   ${r.errors ? `${r.errors} ERRORS` : ''}`;

export async function run(): Promise<Result[]> {
  const stack = await startStack({ env: { RATE_LIMIT_PER_SECOND: '0', LOG_LEVEL: 'warn' } });
  let baseline: ChildProcess | undefined;
  try {
    if (!stack.urls.users || !stack.urls.incidents) throw new Error('needs the users and incidents services');
    const session = await loginAdmin(stack);
    const { auth, adminId } = session;
    await seedIncidentsWithCommander(stack, session, INCIDENTS, 'bench incident');
    const base = await startBaselineGateway(stack);
    baseline = base.child;

    const identity = {
      'x-ps-identity': signIdentity({ kind: 'user', id: adminId, role: 'admin' }, stack.internalSecret, 3600),
    };
    const subgraph = `${stack.urls.incidents}/graphql`;
    const trivial = '{ incidents(first: 1) { nodes { id } } }';
    const list = `{ incidents(first: ${INCIDENTS}) { nodes { id title status commander { id name email } } } }`;
    const listDirect = `{ incidents(first: ${INCIDENTS}) { nodes { id title status commanderId } } }`;

    console.log(
      `${SECONDS} s per measurement, ${CONCURRENCY} in flight, ${INCIDENTS} incidents with commanders\n`,
    );
    // Rounds interleave the targets (rotating the order) and keep each target's best round, so a burst of load
    // from elsewhere on the machine penalises one round, not one target.
    const results: Result[] = [];
    const group = async (name: string, targets: Target[]) => {
      const best = new Map<string, Result>();
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < targets.length; i++) {
          const t = targets[(i + round) % targets.length]!;
          const r = await measure(t);
          const prev = best.get(t.label);
          if (!prev || r.rps > prev.rps) best.set(t.label, r);
        }
      }
      const ordered = targets.map((t) => best.get(t.label)!);
      console.log(`${name} (best of ${ROUNDS} interleaved rounds):`);
      for (const r of ordered) console.log(`  ${fmt(r)}`);
      results.push(...ordered);
      return ordered;
    };
    const [t1, t2, t3] = await group('trivial query', [
      { label: 'incidents subgraph directly', url: subgraph, headers: identity, query: trivial },
      { label: 'gateway, keep-alive', url: stack.graphqlUrl, headers: auth, query: trivial },
      { label: 'gateway, no keep-alive', url: base.url, headers: auth, query: trivial },
    ]);
    const [l1, l2, l3] = await group(`${INCIDENTS} incidents with commanders`, [
      { label: 'incidents subgraph directly (no join)', url: subgraph, headers: identity, query: listDirect },
      { label: 'gateway, keep-alive', url: stack.graphqlUrl, headers: auth, query: list },
      { label: 'gateway, no keep-alive', url: base.url, headers: auth, query: list },
    ]);

    const ratio = (a: Result | undefined, b: Result | undefined) =>
      a && b ? (a.rps / b.rps).toFixed(2) : '?';
    console.log('\nratios (throughput):');
    console.log(
      `  trivial:          gateway / direct subgraph = ${ratio(t2, t1)}; keep-alive / none = ${ratio(t2, t3)}`,
    );
    console.log(
      `  list+commanders:  gateway / direct subgraph = ${ratio(l2, l1)}; keep-alive / none = ${ratio(l2, l3)}`,
    );
    console.log(
      '  (the gateway path also authenticates every request with the users service, and joins users)',
    );
    return results;
  } finally {
    const child = baseline;
    if (child?.pid && isAlive(child.pid) && child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    await stack.stop();
  }
}
