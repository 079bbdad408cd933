import { describe, expect, it } from 'vitest';
import { FreshRead } from './fresh-read.ts';

/** A read whose completion the test controls, recording when each was sent. */
function controlledRead() {
  const sent: Array<(value: number) => void> = [];
  const read = new FreshRead(() => new Promise<number>((resolve) => sent.push(resolve)));
  return { read, sent };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FreshRead', () => {
  it('shares one read between callers that arrive before it is sent', async () => {
    const { read, sent } = controlledRead();
    const a = read.get();
    const b = read.get();
    await tick();
    expect(sent).toHaveLength(1);
    sent[0]!(1);
    expect(await Promise.all([a, b])).toEqual([1, 1]);
  });

  it('never answers a caller with a read sent before it arrived', async () => {
    const { read, sent } = controlledRead();
    const early = read.get();
    await tick();
    expect(sent).toHaveLength(1);
    // Arrives while the first read is on its way: it may predate a write this caller must see.
    const late = read.get();
    const later = read.get();
    await tick();
    expect(sent).toHaveLength(1);
    sent[0]!(1);
    expect(await early).toBe(1);
    await tick();
    expect(sent).toHaveLength(2);
    sent[1]!(2);
    expect(await Promise.all([late, later])).toEqual([2, 2]);
  });

  it('passes a failed read to the callers that shared it, and reads again for the next', async () => {
    let calls = 0;
    const read = new FreshRead(async () => {
      calls++;
      if (calls === 1) throw new Error('redis down');
      return calls;
    });
    await expect(read.get()).rejects.toThrow('redis down');
    expect(await read.get()).toBe(2);
  });

  it('shares a read sent after the caller arrived, on its way or answered, and never one sent before', async () => {
    let calls = 0;
    const read = new FreshRead(async () => ++calls);
    const arrived = performance.now();
    expect(await read.get(arrived)).toBe(1);
    // The same request asking again (authentication, then the cache): the read sent since it arrived serves both.
    expect(await read.get(arrived)).toBe(1);
    expect(calls).toBe(1);
    // A request that arrived after that read was sent gets a read of its own.
    const later = performance.now() + 1;
    expect(await read.get(later)).toBe(2);
    expect(calls).toBe(2);
  });
});
