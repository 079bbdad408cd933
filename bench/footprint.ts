import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureBuilt, type Stack, startStack } from '../e2e/support/stack.ts';
import { gql, loginAdmin } from './support/graphql.ts';

/**
 * The platform's footprint in each mode (docs/decisions/0011-compiled-runtime-and-modes.md): how long the compiled
 * stack takes from launch to every service ready, its resident memory at idle (launcher included), and its memory
 * after 10,000 incidents were created and listed through the gateway under load. Baseline: a bare `node:http`
 * server, measured in the same run (what Node alone costs on this machine).
 *
 * Idle means after start-up's memory was given back (kit settleMemoryWhenQuiet has V8 collect once the process is
 * quiet, and V8's memory reducer shrinks the heap some 10-20 s later): RSS is sampled every 2 s for at least 50 s
 * and until it stops moving (or 90 s). The whole stack is the launcher and every process it starts, the web app's
 * Next.js server included. Goals (issue 15): under 400 MB for the whole stack in single mode, under 90 MB per
 * service process in split mode.
 * BENCH_INCIDENTS (default 10000), BENCH_READERS (default 8) clients listing every incident, 50 a page.
 */
const INCIDENTS = Number(process.env.BENCH_INCIDENTS) || 10_000;
const SPLIT_PROCESS_GOAL_MB = 90;
const SINGLE_STACK_GOAL_MB = 400;
const READERS = Number(process.env.BENCH_READERS) || 8;

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The launcher and each distinct process of the stack, by the name the launcher gives it. */
const processesOf = (stack: Stack): Array<{ name: string; pid: number }> => [
  { name: 'launcher', pid: stack.launcherPid },
  ...[...new Map(stack.services.map((s) => [s.pid, s.process])).entries()].map(([pid, name]) => ({
    name,
    pid,
  })),
];

/** RSS of each process once the total has settled: 50 s of quiet at least, then three samples within 1 %. */
async function settledRss(stack: Stack): Promise<Array<{ name: string; mb: number }>> {
  const samples: number[] = [];
  let last: Array<{ name: string; mb: number }> = [];
  for (let i = 0; i < 45; i++) {
    last = processesOf(stack).map((p) => ({ name: p.name, mb: rssMb(p.pid) }));
    samples.push(last.reduce((sum, p) => sum + p.mb, 0));
    const recent = samples.slice(-3);
    const steady =
      recent.length === 3 && Math.max(...recent) - Math.min(...recent) < Math.max(...recent) * 0.01;
    if (i >= 25 && steady) break;
    await sleep(2000);
  }
  return last;
}

const total = (rows: Array<{ mb: number }>) => rows.reduce((sum, r) => sum + r.mb, 0);
const fmt = (mb: number) => `${mb.toFixed(0)} MB`;

async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function seedAndList(stack: Stack): Promise<{ peakMb: number; seedS: number; listS: number }> {
  const session = await loginAdmin(stack);
  let peakMb = 0;
  const watch = setInterval(() => {
    peakMb = Math.max(peakMb, total(processesOf(stack).map((p) => ({ mb: rssMb(p.pid) }))));
  }, 250);
  try {
    const batch = 20;
    const seedStart = performance.now();
    await inParallel(
      Array.from({ length: Math.ceil(INCIDENTS / batch) }, (_, b) => b),
      8,
      async (b) => {
        const n = Math.min(batch, INCIDENTS - b * batch);
        const fields = Array.from(
          { length: n },
          (_, i) =>
            `c${i}: createIncident(input: { title: "Footprint ${b * batch + i}", sev: ${1 + (i % 4)} }) { id }`,
        );
        await gql(stack.graphqlUrl, `mutation { ${fields.join('\n')} }`, {}, session.auth);
      },
    );
    const seedS = (performance.now() - seedStart) / 1000;
    const listStart = performance.now();
    await Promise.all(
      Array.from({ length: READERS }, async () => {
        let after: string | undefined;
        for (;;) {
          const page = await gql<{
            incidents: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          }>(
            stack.graphqlUrl,
            'query L($after: String) { incidents(first: 50, after: $after) { nodes { id title sev status } pageInfo { hasNextPage endCursor } } }',
            after ? { after } : {},
            session.auth,
          );
          if (!page.incidents.pageInfo.hasNextPage) break;
          after = page.incidents.pageInfo.endCursor;
        }
      }),
    );
    return { peakMb, seedS, listS: (performance.now() - listStart) / 1000 };
  } finally {
    clearInterval(watch);
  }
}

function bareNodeBaseline(): number {
  const script =
    "const s=require('node:http').createServer((q,r)=>r.end()).listen(0,()=>setTimeout(()=>{console.log(require('node:fs').readFileSync('/proc/self/status','utf8').match(/VmRSS:\\s+(\\d+)/)[1]);s.close()},2000))";
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(out.stdout.trim()) / 1024;
}

export async function run(): Promise<void> {
  const buildStart = performance.now();
  ensureBuilt();
  console.log(
    `build check (npm start's first step, nothing changed or a rebuild): ${Math.round(performance.now() - buildStart)} ms`,
  );
  console.log(`baseline: a bare node:http server holds ${fmt(bareNodeBaseline())}\n`);
  for (const mode of ['single', 'split'] as const) {
    const launched = performance.now();
    const stack = await startStack({
      mode,
      // The whole stack, as `npm start` runs it: the web app's Next.js server counts.
      web: true,
      // Measuring memory, not the limits: nothing throttles the seeding clients.
      env: { RATE_LIMIT_PER_SECOND: '0', GRAPHQL_COST_PER_SECOND: '0', LOG_LEVEL: 'warn' },
    });
    const readyMs = performance.now() - launched;
    try {
      const idle = await settledRss(stack);
      const load = await seedAndList(stack);
      const after = await settledRss(stack);
      const services = idle.filter((p) => p.name !== 'launcher');
      console.log(
        `${mode} mode: ${services.length} service process(es), ready in ${(readyMs / 1000).toFixed(1)} s`,
      );
      const goal =
        mode === 'single'
          ? `goal: under ${SINGLE_STACK_GOAL_MB} MB in all, ${total(idle) < SINGLE_STACK_GOAL_MB ? 'met' : 'MISSED'}`
          : `goal: under ${SPLIT_PROCESS_GOAL_MB} MB per service process, missed by ${
              services
                .filter((p) => p.mb >= SPLIT_PROCESS_GOAL_MB)
                .map((p) => p.name)
                .join(', ') || 'none'
            }`;
      console.log(`  idle:  ${fmt(total(idle))} in all (${goal})`);
      for (const p of idle) console.log(`    ${p.name.padEnd(16)} ${fmt(p.mb).padStart(7)}`);
      console.log(
        `  load:  ${INCIDENTS} incidents created in ${load.seedS.toFixed(1)} s, listed by ${READERS} clients in ${load.listS.toFixed(1)} s; peak ${fmt(load.peakMb)}`,
      );
      console.log(
        `  after: ${fmt(total(after))} in all (${after.map((p) => `${p.name} ${fmt(p.mb)}`).join(', ')})\n`,
      );
    } finally {
      await stack.stop();
    }
  }
}
