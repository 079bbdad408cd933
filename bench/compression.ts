import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DYNAMIC_BROTLI_QUALITY, DYNAMIC_GZIP_LEVEL } from '@polystatus/kit';

/**
 * Response compression (issue 14): CPU per answer against bytes saved, for each level, on the two large answers
 * of the list path: the REST adapter's 500-incident list (`GET /api/v1/incidents`, epoch seconds, snake_case)
 * and the gateway's GraphQL answer behind it (ISO instants, camelCase). Single-threaded and synchronous, so the
 * figure is CPU, whatever else the machine runs (best of BENCH_ROUNDS rounds). The levels the kit uses for
 * dynamic answers (packages/kit/src/http/compression.ts) are marked.
 */
const ROWS = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const ITERATIONS = 20;

function restList(): string {
  const base = 1_795_000_000;
  return JSON.stringify(
    Array.from({ length: ROWS }, (_, i) => ({
      id: `INC-${(0x1000000 + i * 7919).toString(36).toUpperCase()}`,
      title: `Seeded incident ${i} in region ${i % 17}`,
      sev: 2,
      services: [`svc-${i % 20}`],
      summary: 'Customers report elevated error rates',
      status: 'open',
      started_at: base + i * 13,
      commander: i % 10 === 0 ? `USR-${(0x2000000 + i).toString(36).toUpperCase()}` : null,
      mitigated_at: null,
      resolved_at: null,
      updated_at: base + i * 13 + 5,
      source: 'manual',
      created_by: 'USR-1A2B3C4D',
      acknowledged_at: null,
      acknowledged_by: null,
      version: 1,
    })),
  );
}

/** The same list with free-text titles and summaries (words drawn from docs/architecture.md): less repetitive. */
function freeTextList(): string {
  const words = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8')
    .split(/\s+/)
    .filter(Boolean);
  let seed = 7;
  const pick = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return words[seed % words.length]!;
  };
  const text = (n: number) => Array.from({ length: n }, pick).join(' ');
  const rows = JSON.parse(restList()) as Record<string, unknown>[];
  return JSON.stringify(rows.map((r) => ({ ...r, title: text(8), summary: text(30) })));
}

function graphqlList(): string {
  const base = 1_795_000_000_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return JSON.stringify({
    data: {
      incidents: {
        nodes: Array.from({ length: ROWS }, (_, i) => ({
          id: `INC-${(0x1000000 + i * 7919).toString(36).toUpperCase()}`,
          title: `Seeded incident ${i} in region ${i % 17}`,
          sev: 2,
          services: [`svc-${i % 20}`],
          summary: 'Customers report elevated error rates',
          status: 'OPEN',
          startedAt: iso(base + i * 13_000),
          commander: i % 10 === 0 ? { id: `USR-${(0x2000000 + i).toString(36).toUpperCase()}` } : null,
          mitigatedAt: null,
          resolvedAt: null,
          updatedAt: iso(base + i * 13_000 + 5_123),
          source: 'MANUAL',
          createdBy: { id: 'USR-1A2B3C4D' },
          acknowledgedAt: null,
          acknowledgedBy: null,
          version: 1,
        })),
        pageInfo: { endCursor: 'c2V2OjI6MTc5NTAwMDAwMDAwMA', hasNextPage: true },
      },
    },
  });
}

/** Best-of-rounds milliseconds of CPU per call. */
function cost(fn: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < ROUNDS; r++) {
    const started = process.cpuUsage();
    for (let i = 0; i < ITERATIONS; i++) fn();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000 / ITERATIONS);
  }
  return best;
}

export async function run(): Promise<void> {
  for (const [name, body] of [
    ['REST list, 500 incidents', restList()],
    ['gateway answer, 500 incidents', graphqlList()],
    ['REST list, 500 incidents with free-text titles and summaries', freeTextList()],
  ] as const) {
    const bytes = Buffer.from(body);
    const stringify = cost(() => JSON.stringify(JSON.parse(body)));
    console.log(
      `${name}: ${(bytes.length / 1024).toFixed(1)} KiB; JSON.parse + stringify ${stringify.toFixed(2)} ms`,
    );
    const levels: [string, () => Buffer, boolean][] = [
      ...[1, 6, 9].map(
        (level) =>
          [`gzip ${level}`, () => gzipSync(bytes, { level }), level === DYNAMIC_GZIP_LEVEL] as [
            string,
            () => Buffer,
            boolean,
          ],
      ),
      ...[1, 4, 5, 6, 9, 11].map(
        (quality) =>
          [
            `br ${quality}`,
            () =>
              brotliCompressSync(bytes, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: quality,
                  [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                },
              }),
            quality === DYNAMIC_BROTLI_QUALITY,
          ] as [string, () => Buffer, boolean],
      ),
    ];
    for (const [label, compress, chosen] of levels) {
      const size = compress().length;
      const ms = cost(compress);
      console.log(
        `  ${label.padEnd(8)} ${ms.toFixed(2).padStart(7)} ms CPU  ${(size / 1024).toFixed(1).padStart(6)} KiB ` +
          `(${((1 - size / bytes.length) * 100).toFixed(1)}% saved)${chosen ? '  <- dynamic answers' : ''}`,
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
