import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleMemoryWhenQuiet } from './settle-memory.ts';

/**
 * The decisions, with V8 replaced: when it asks for a collection and when it stops. Whether V8 then gives the
 * memory back depends on when its memory reducer runs, which no test can time reliably on a shared machine; the
 * effect is measured by `npm run bench footprint` (REST adapter idle 112 → 80 MB, docs/decisions/0011).
 */
const MB = 1024 * 1024;

function fakeV8(young: number[], busy: number[]) {
  const collections: number[] = [];
  let look = 0;
  return {
    collections,
    probe: {
      youngGeneration: () => young[Math.min(look, young.length - 1)]!,
      busySinceLastLook: () => busy[Math.min(look++, busy.length - 1)]!,
      collect: () => collections.push(look),
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('settleMemoryWhenQuiet', () => {
  it('asks for a collection only while the young generation is grown and the process is quiet', () => {
    const v8 = fakeV8([32 * MB, 32 * MB, 32 * MB, 32 * MB, 2 * MB], [0.5, 0.01, 0.01, 0.01]);
    settleMemoryWhenQuiet({ everyMs: 100, probe: v8.probe });
    vi.advanceTimersByTime(1000);
    // Look 1 was busy: nothing. Looks 2 and 3 were quiet with 32 MB: a collection each. Look 4 found it settled.
    expect(v8.collections).toEqual([2, 3]);
  });

  it('does nothing once the young generation is at its initial size', () => {
    const v8 = fakeV8([2 * MB], [0]);
    settleMemoryWhenQuiet({ everyMs: 100, probe: v8.probe });
    vi.advanceTimersByTime(1000);
    expect(v8.collections).toEqual([]);
  });

  it('gives up after its attempts, leaving a process that never settles to V8', () => {
    const v8 = fakeV8([32 * MB], [0]);
    settleMemoryWhenQuiet({ everyMs: 100, attempts: 3, probe: v8.probe });
    vi.advanceTimersByTime(10_000);
    expect(v8.collections).toHaveLength(3);
  });

  it('stops when asked', () => {
    const v8 = fakeV8([32 * MB], [0]);
    const stop = settleMemoryWhenQuiet({ everyMs: 100, probe: v8.probe });
    vi.advanceTimersByTime(250);
    stop();
    vi.advanceTimersByTime(1000);
    expect(v8.collections).toHaveLength(2);
  });
});
