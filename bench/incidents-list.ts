import { fileURLToPath } from 'node:url';
import { deletePrefix, identityHeaders, ok, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { Pool } from 'undici';
import { startIncidents } from '../subgraphs/incidents/src/testing/harness.ts';
import { createMany } from '../subgraphs/incidents/src/testing/operations.ts';
import { createUsers } from '../subgraphs/incidents/src/testing/users.ts';

/**
 * Latency of `incidents` list queries over HTTP against the in-process incidents subgraph, 10,000 incidents
 * seeded under a unique prefix. Requests are sequential (one in flight), so the figures are per-query cost, not
 * throughput. Baseline: `incident(id)`, a single-key read through the same HTTP and GraphQL stack; the ratio
 * column is each case's p50 over the baseline's p50.
 *
 * BENCH_INCIDENTS (default 10000), BENCH_SAMPLES (default 300) per case.
 */
const INCIDENTS = Number(process.env.BENCH_INCIDENTS) || 10_000;
const SAMPLES = Number(process.env.BENCH_SAMPLES) || 300;
const WARMUP = 30;
const SEED_BATCH = 50;
const WORDS = [
  'Database latency',
  'Café outage',
  'Queue backlog',
  'DNS failure',
  'Login errors',
  'CDN misses',
];

const attrs = (n: number) => ({
  title: `${WORDS[n % WORDS.length]} in region ${n % 17}`,
  summary: n % 500 === 0 ? `needle-${n} seen by customers` : 'Customers report elevated error rates',
  sev: 1 + (n % 4),
  services: [`svc-${n % 20}`, ...(n % 2 === 0 ? ['shared'] : [])],
});

interface Case {
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

const LIST = `query L($filter: IncidentFilter, $after: String) {
  incidents(filter: $filter, first: 50, after: $after) { nodes { id title sev status } pageInfo { hasNextPage endCursor } }
}`;
const list = (label: string, filter: Record<string, unknown>, after?: string): Case => ({
  label,
  query: LIST,
  variables: { filter, ...(after ? { after } : {}) },
});

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function run(): Promise<void> {
  const prefix = uniquePrefix('bench-incidents');
  const redis = testRedis();
  const svc = await startIncidents({ prefix });
  // Commanders must be existing users: publish them as the users service would.
  await createUsers(redis, prefix, ...Array.from({ length: 30 }, (_, i) => `cmdr-${i}`));
  const pool = new Pool(new URL(svc.url).origin, { connections: 1 });
  try {
    // Seed: creations in aliased batches, then a third mitigated, a seventh resolved, a tenth with a commander.
    const seedStart = performance.now();
    const ids: string[] = new Array(INCIDENTS);
    const batches = Array.from({ length: Math.ceil(INCIDENTS / SEED_BATCH) }, (_, b) => b);
    await inParallel(batches, 8, async (b) => {
      const size = Math.min(SEED_BATCH, INCIDENTS - b * SEED_BATCH);
      const vars: Record<string, unknown> = {};
      for (let i = 0; i < size; i++) vars[`i${i}`] = attrs(b * SEED_BATCH + i);
      const data = ok(await svc.gql<Record<string, { id: string }>>(createMany(size), vars));
      for (let i = 0; i < size; i++) ids[b * SEED_BATCH + i] = data[`c${i}`]!.id;
    });
    const changes = ids.flatMap((id, n) => [
      ...(n % 7 === 0
        ? [`changeIncidentStatus(id: "${id}", status: RESOLVED) { id }`]
        : n % 3 === 1
          ? [`changeIncidentStatus(id: "${id}", status: MITIGATED) { id }`]
          : []),
      ...(n % 10 === 0 ? [`assignCommander(id: "${id}", commanderId: "cmdr-${n % 30}") { id }`] : []),
    ]);
    const changeBatches = Array.from({ length: Math.ceil(changes.length / SEED_BATCH) }, (_, b) =>
      changes.slice(b * SEED_BATCH, (b + 1) * SEED_BATCH),
    );
    await inParallel(changeBatches, 8, async (batch) => {
      ok(await svc.gql(`mutation { ${batch.map((f, i) => `m${i}: ${f}`).join('\n')} }`));
    });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    console.log(
      `seeded ${INCIDENTS} incidents and ${changes.length} status/commander changes in ${seedSeconds.toFixed(1)} s ` +
        `(${Math.round((INCIDENTS + changes.length) / seedSeconds)} writes/s over HTTP, 8 requests in flight)`,
    );

    // A cursor deep into the unfiltered list: page 100.
    let deep: string | undefined;
    for (let page = 0; page < 100; page++) {
      const r = ok(
        await svc.gql<{ incidents: { pageInfo: { endCursor: string } } }>(LIST, { filter: {}, after: deep }),
      );
      deep = r.incidents.pageInfo.endCursor;
    }

    const cases: Case[] = [
      {
        label: 'baseline: incident(id)',
        query: 'query G($id: ID!) { incident(id: $id) { id title sev status } }',
        variables: { id: ids[INCIDENTS >> 1] },
      },
      list('unfiltered', {}),
      list('unfiltered, page 101', {}, deep),
      list('status OPEN', { status: 'OPEN' }),
      list('status RESOLVED', { status: 'RESOLVED' }),
      list('service svc-3', { service: 'svc-3' }),
      list('status+sev+service', { status: 'OPEN', sev: 2, service: 'svc-1' }),
      list('commander+status (rare)', { commander: 'cmdr-10', status: 'RESOLVED' }),
      list('q "latency" (trigrams)', { q: 'latency' }),
      list('q "needle-4500" (1 match)', { q: 'needle-4500' }),
      list('q "region 3" + status', { q: 'region 3', status: 'MITIGATED' }),
      list('q "dn" (2 chars, walk)', { q: 'dn' }),
      list('q "zq" (2 chars, no match)', { q: 'zq' }),
    ];

    const headers = {
      'content-type': 'application/json',
      ...identityHeaders({ role: 'viewer', id: 'bench' }),
    };
    const rows: { label: string; hits: number; p50: number; p99: number }[] = [];
    for (const c of cases) {
      const body = JSON.stringify({ query: c.query, variables: c.variables });
      const once = async () => {
        const res = await pool.request({ path: '/graphql', method: 'POST', headers, body });
        const text = await res.body.text();
        if (res.statusCode !== 200 || text.includes('"errors"'))
          throw new Error(`${c.label}: ${text.slice(0, 300)}`);
        return text;
      };
      const sample = JSON.parse(await once()) as { data: { incidents?: { nodes: unknown[] } } };
      for (let i = 0; i < WARMUP; i++) await once();
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = performance.now();
        await once();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push({
        label: c.label,
        hits: sample.data.incidents?.nodes.length ?? 1,
        p50: quantile(times, 0.5),
        p99: quantile(times, 0.99),
      });
    }

    const base = rows[0]!.p50;
    console.log(`\n${INCIDENTS} incidents, first: 50, ${SAMPLES} sequential requests per case\n`);
    console.log(`| case | rows | p50 ms | p99 ms | p50 / baseline |`);
    console.log(`|---|---:|---:|---:|---:|`);
    for (const r of rows) {
      console.log(
        `| ${r.label} | ${r.hits} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${(r.p50 / base).toFixed(1)}x |`,
      );
    }
  } finally {
    await pool.close();
    await svc.close();
    const removed = await deletePrefix(redis, prefix);
    console.log(`\ncleaned up ${removed} keys under ${prefix}`);
    await redis.quit();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
