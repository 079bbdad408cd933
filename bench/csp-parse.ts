import { detectFormat, parseFeed } from '../subgraphs/csp/src/formats/index.ts';
import { allFixtures, fixture } from '../subgraphs/csp/src/formats/testing/fixtures.ts';

/**
 * Feed parsing cost, in process, on the real captures of ../shared/fixtures/csp:
 * - the full 1.3 MB Google Cloud incidents.json (157 incidents), parsed and normalized several times: best and
 *   median, against the goal of 50 ms and against a baseline of JSON.parse alone on the same bytes (the ratio is
 *   what normalization adds);
 * - events normalized per second over every capture, each parsed with the format detectFormat finds.
 *
 * BENCH_CSP_RUNS (default 30) runs of the GCP feed; BENCH_CSP_SECONDS (default 2) for the throughput loop.
 */
const RUNS = Number(process.env.BENCH_CSP_RUNS) || 30;
const SECONDS = Number(process.env.BENCH_CSP_SECONDS) || 2;
const WARMUP = 5;
const GOAL_MS = 50;

function timings(runs: number, fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    out.push(performance.now() - started);
  }
  return out.sort((a, b) => a - b);
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;

export async function run(): Promise<void> {
  const gcp = fixture('gcp/incidents-2022-07-01-full.json');
  const now = Date.now();
  let events = 0;
  const parse = timings(RUNS, () => {
    events = parseFeed('gcp', gcp, { now }).events.length;
  });
  const baseline = timings(RUNS, () => JSON.parse(gcp.toString('utf8')));
  console.log(`GCP incidents.json: ${(gcp.length / 1e6).toFixed(2)} MB, ${events} incidents, ${RUNS} runs`);
  console.log('| case | best ms | median ms | ratio (median / baseline median) |');
  console.log('|---|---|---|---|');
  console.log(
    `| JSON.parse only (baseline) | ${baseline[0]!.toFixed(1)} | ${median(baseline).toFixed(1)} | 1.00 |`,
  );
  console.log(
    `| parseFeed('gcp') | ${parse[0]!.toFixed(1)} | ${median(parse).toFixed(1)} | ${(median(parse) / median(baseline)).toFixed(2)} |`,
  );
  console.log(`goal < ${GOAL_MS} ms: ${median(parse) < GOAL_MS ? 'met' : 'NOT met'} (median)`);

  const captures = allFixtures().map((path) => {
    const body = fixture(path);
    const format = detectFormat(body);
    if (!format) throw new Error(`no format detected for ${path}`);
    return { path, body, format };
  });
  const bytes = captures.reduce((n, c) => n + c.body.length, 0);
  let normalized = 0;
  let passes = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    for (const c of captures) normalized += parseFeed(c.format, c.body, { now }).events.length;
    passes++;
  }
  const elapsed = (performance.now() - started) / 1000;
  console.log(
    `\nall ${captures.length} captures (${(bytes / 1e6).toFixed(2)} MB): ${passes} passes in ${elapsed.toFixed(1)} s, ` +
      `${Math.round(normalized / elapsed).toLocaleString('en-US')} events normalized/s, ` +
      `${((bytes * passes) / 1e6 / elapsed).toFixed(1)} MB/s`,
  );
}
