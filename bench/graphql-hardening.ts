import { Pool } from 'undici';
import { startStack } from '../e2e/support/stack.ts';
import { loginAdmin, seedIncidentsWithCommander } from './support/graphql.ts';

/**
 * What hostile operations cost everyone else (issue 16). A closed loop of clients runs the dashboard query
 * (50 incidents with their commanders) alone, then while an anonymous attacker sends 20 operations a second
 * that the gateway refuses (token floods, alias and directive bombs, deep nesting, fragment fan-outs,
 * introspection, batches). Prints both throughputs and their ratio; the target is within 10% (ratio >= 0.90).
 *
 * BENCH_SECONDS (default 20) of alternating quiet and attacked seconds, BENCH_CONCURRENCY (default 8) dashboard
 * requests in flight, BENCH_ATTACK_RATE (default 20) refused operations per second.
 */
/** Even, so quiet and attacked seconds are as many. */
const SLICES = 2 * Math.ceil((Number(process.env.BENCH_SECONDS) || 20) / 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 8;
const ATTACK_RATE = Number(process.env.BENCH_ATTACK_RATE) || 20;
const INCIDENTS = 50;

const DASHBOARD = `{ incidents(first: ${INCIDENTS}) { nodes { id title status sev commander { id name } } } }`;

const repeat = (n: number, s: (i: number) => string) => Array.from({ length: n }, (_, i) => s(i)).join(' ');
const HOSTILE: unknown[] = [
  { query: `{ ${repeat(12_000, (i) => `a${i}: __typename`)} }` },
  { query: `{ ${repeat(3000, (i) => `s${i}: __schema { queryType { name } }`)} }` },
  { query: `{ __typename ${repeat(12_000, () => '@include(if: true)')} }` },
  { query: `{ ${repeat(300, (i) => `a${i}: __typename`)} }` },
  { query: `{ me { ${'commandedIncidents { nodes { commander { '.repeat(5)}id${' } } }'.repeat(5)} } }` },
  {
    query: `{ ...F0 } ${repeat(30, (i) => `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`)} fragment F30 on Query { __typename }`,
  },
  { query: 'query { __schema { types { name fields { name } } } }' },
  Array.from({ length: 200 }, () => ({ query: '{ me { id } }' })),
];

interface Slices {
  quietRps: number;
  attackedRps: number;
  errors: number;
  attack: { sent: number; refused: number; other: number; worstMs: number };
}

/**
 * One closed loop of dashboard requests for SLICES seconds, the attacker on during every other second. Alternating
 * one-second slices, rather than a quiet run then an attacked one, puts both sides under the same background load
 * (on a shared machine it drifts by a factor of two within a minute), so the ratio measures the attacker alone.
 */
async function measureSlices(url: URL, headers: Record<string, string>): Promise<Slices> {
  const pool = new Pool(url.origin, { connections: CONCURRENCY });
  const attackPool = new Pool(url.origin, { connections: 4 });
  const body = JSON.stringify({ query: DASHBOARD });
  const bodies = HOSTILE.map((b) => JSON.stringify(b));
  const attack = { sent: 0, refused: 0, other: 0, worstMs: 0 };
  const done = { quiet: 0, attacked: 0 };
  let errors = 0;
  const warmUpEnd = performance.now() + 1000;
  const start = warmUpEnd;
  const end = start + SLICES * 1000;
  const attacking = (t: number) => t >= start && Math.floor((t - start) / 1000) % 2 === 1;
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    if (!attacking(performance.now())) return;
    const t0 = performance.now();
    const p = attackPool
      .request({
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' },
        body: bodies[attack.sent++ % bodies.length]!,
      })
      .then(async (res) => {
        await res.body.text();
        attack.worstMs = Math.max(attack.worstMs, performance.now() - t0);
        if (res.statusCode >= 400 && res.statusCode < 500) attack.refused++;
        else attack.other++;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, 1000 / ATTACK_RATE);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const res = await pool.request({ path: url.pathname, method: 'POST', headers, body });
        const text = await res.body.text();
        const t = performance.now();
        if (t < start || t >= end) continue;
        if (res.statusCode !== 200 || text.includes('"errors"')) errors++;
        else done[attacking(t) ? 'attacked' : 'quiet']++;
      }
    }),
  );
  clearInterval(timer);
  await Promise.all(inFlight);
  await Promise.all([pool.close(), attackPool.close()]);
  const half = SLICES / 2;
  return { quietRps: done.quiet / half, attackedRps: done.attacked / half, errors, attack };
}

export async function run(): Promise<{ quiet: number; attacked: number; ratio: number }> {
  // The cost budget is left out: this measures what refusals cost, and one closed loop of dashboards from a single
  // user would otherwise meet its own budget.
  const stack = await startStack({
    env: { RATE_LIMIT_PER_SECOND: '0', GRAPHQL_COST_PER_SECOND: '0', LOG_LEVEL: 'warn' },
  });
  try {
    const session = await loginAdmin(stack);
    const { auth } = session;
    await seedIncidentsWithCommander(stack, session, INCIDENTS, 'hardening bench');
    const url = new URL(stack.graphqlUrl);
    const headers = { 'content-type': 'application/json', ...auth };
    console.log(
      `${SLICES} alternating one-second slices, ${CONCURRENCY} dashboard requests in flight, attacker at ${ATTACK_RATE} refused operations/s in every other slice\n`,
    );
    const r = await measureSlices(url, headers);
    const quiet = r.quietRps;
    const attacked = r.attackedRps;
    const ratio = attacked / quiet;
    console.log(
      `attacker: sent ${r.attack.sent}, refused ${r.attack.refused} (4xx), other ${r.attack.other}, slowest refusal ${r.attack.worstMs.toFixed(1)} ms; dashboard errors ${r.errors}`,
    );
    console.log(
      `dashboard throughput: quiet ${quiet.toFixed(0)}/s, under attack ${attacked.toFixed(0)}/s; ratio ${ratio.toFixed(2)} (target >= 0.90)`,
    );
    return { quiet, attacked, ratio };
  } finally {
    await stack.stop();
  }
}
