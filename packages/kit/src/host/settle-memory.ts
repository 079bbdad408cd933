import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { measureMemory } from 'node:vm';

export interface SettleOptions {
  /** How often to look whether the process has gone quiet and still holds a grown young generation. */
  everyMs?: number;
  /** Event-loop utilization below which the last interval counts as quiet. */
  quietBelow?: number;
  /** Stops after this many looks: a busy process has V8's own memory reducer working already. */
  attempts?: number;
  /**
   * What it reads and does, replaceable so its decisions can be tested without depending on when V8's memory
   * reducer runs (the effect itself is measured by bench/footprint.ts): the young generation's size in bytes, the
   * event-loop utilization since the previous look, and the collection it asks for.
   */
  probe?: { youngGeneration(): number; busySinceLastLook(): number; collect(): void };
}

/** What V8 reserves for the young generation when nothing grew it (1 MB per semi-space), with some slack. */
const SETTLED_YOUNG_GENERATION = 4 * 1024 * 1024;

const youngGeneration = (): number =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

/**
 * Once the services of this process have started and the process goes quiet, has V8 collect garbage so that it
 * gives back what start-up took. Start-up (loading modules, building schemas, compiling validators) keeps most of
 * what it allocates, so V8 grows the young generation to its maximum (2 × 16 MB) on the way. V8 shrinks it again,
 * and compacts the old generation, only at a collection that sees a low allocation rate, and a quiet process
 * collects nothing: it kept start-up's young generation for good. Measured on a REST adapter: 112 MB idle, 80 MB
 * once V8 had shrunk it (docs/decisions/0011). A smaller young generation (`--max-semi-space-size`) reaches the same
 * idle figure but costs throughput under load; this costs an incremental collection at idle, every `everyMs`
 * until the young generation is back to its initial size (usually once or twice), and nothing once it is.
 *
 * `vm.measureMemory({ execution: 'eager' })` is the public API that starts such a collection (the figures it
 * returns are not used). Node 20 and 22 mark it experimental and say so once on stderr; that one notice is dropped
 * here, since an operator cannot act on it.
 */
export function settleMemoryWhenQuiet(opts: SettleOptions = {}): () => void {
  const everyMs = opts.everyMs ?? 10_000;
  const quietBelow = opts.quietBelow ?? 0.05;
  let attempts = opts.attempts ?? 12;
  const probe = opts.probe ?? v8Probe();
  const timer = setInterval(() => {
    const busy = probe.busySinceLastLook();
    if (probe.youngGeneration() <= SETTLED_YOUNG_GENERATION || --attempts < 0) {
      clearInterval(timer);
      return;
    }
    if (busy < quietBelow) probe.collect();
  }, everyMs);
  // Never what keeps the process alive.
  timer.unref();
  return () => clearInterval(timer);
}

function v8Probe(): NonNullable<SettleOptions['probe']> {
  let last = performance.eventLoopUtilization();
  return {
    youngGeneration,
    busySinceLastLook() {
      const now = performance.eventLoopUtilization();
      const busy = performance.eventLoopUtilization(now, last).utilization;
      last = now;
      return busy;
    },
    collect: collectOnce,
  };
}

function collectOnce(): void {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('vm.measureMemory')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    measureMemory({ mode: 'summary', execution: 'eager' }).catch(() => {});
  } finally {
    process.emitWarning = emitWarning;
  }
}
