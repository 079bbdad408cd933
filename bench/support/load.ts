import { Pool } from 'undici';

/** One request a worker sends, again and again: method, absolute URL, headers, body. */
export interface RequestSpec {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  /** The first failed answer, to say why a figure is suspect. */
  firstError?: string;
}

export interface LoadOptions {
  label: string;
  seconds: number;
  concurrency: number;
  /** What worker `i` sends (the same spec for all when they share a principal, one each when they do not). */
  request: (worker: number) => RequestSpec;
  /** An answer that is not this is an error (default: 200 and no `"errors"` in the body). */
  accept?: (status: number, body: string) => boolean;
  /**
   * The same check on the body's bytes, for large answers: decoding a 200 KB answer into a string costs the load
   * generator more than some servers spend producing it, and it shares their CPUs.
   */
  acceptBytes?: (status: number, body: Buffer) => boolean;
  warmupSeconds?: number;
  /** Called as the measured window opens and closes (after the warm-up): CPU meters, profilers. */
  window?: { open(): void; close(): void };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const defaultAccept = (status: number, body: string) => status === 200 && !body.includes('"errors"');

/**
 * A closed loop: `concurrency` workers, each on its own keep-alive connection, send their next request as soon as
 * the previous one answered; a warm-up (JIT, plan caches, pools) precedes the measured window.
 */
export async function closedLoop(opts: LoadOptions): Promise<LoadResult> {
  const origin = new URL(opts.request(0).url).origin;
  const pool = new Pool(origin, { connections: opts.concurrency, pipelining: 1 });
  const accept = opts.accept ?? defaultAccept;
  let firstError: string | undefined;
  const specs = Array.from({ length: opts.concurrency }, (_, i) => {
    const spec = opts.request(i);
    const url = new URL(spec.url);
    return { ...spec, path: `${url.pathname}${url.search}` };
  });
  const once = async (worker: number) => {
    const s = specs[worker]!;
    const res = await pool.request({
      path: s.path,
      method: s.method,
      headers: { ...(s.body ? { 'content-type': 'application/json' } : {}), ...s.headers },
      body: s.body ?? null,
    });
    if (opts.acceptBytes) {
      const bytes = Buffer.from(await res.body.arrayBuffer());
      const ok = opts.acceptBytes(res.statusCode, bytes);
      if (!ok) firstError ??= `${res.statusCode} ${bytes.subarray(0, 300).toString()}`;
      return ok;
    }
    const text = await res.body.text();
    const ok = accept(res.statusCode, text);
    if (!ok) firstError ??= `${res.statusCode} ${text.slice(0, 300)}`;
    return ok;
  };
  const loop = async (ms: number, latencies: number[] | undefined) => {
    let errors = 0;
    const end = performance.now() + ms;
    await Promise.all(
      specs.map(async (_, worker) => {
        while (performance.now() < end) {
          const t0 = performance.now();
          const ok = await once(worker).catch((err: Error) => {
            firstError ??= err.message;
            return false;
          });
          latencies?.push(performance.now() - t0);
          if (!ok) errors++;
        }
      }),
    );
    return errors;
  };
  try {
    await loop((opts.warmupSeconds ?? 1) * 1000, undefined);
    firstError = undefined;
    const latencies: number[] = [];
    opts.window?.open();
    const errors = await loop(opts.seconds * 1000, latencies);
    opts.window?.close();
    latencies.sort((a, b) => a - b);
    return {
      label: opts.label,
      requests: latencies.length,
      errors,
      rps: latencies.length / opts.seconds,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      ...(firstError ? { firstError } : {}),
    };
  } finally {
    await pool.close();
  }
}

export const formatLoad = (r: LoadResult) =>
  `${r.label.padEnd(52)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99
    .toFixed(1)
    .padStart(6)} ms${r.errors ? `   ${r.errors} ERRORS (${r.firstError})` : ''}`;
