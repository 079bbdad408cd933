import { describe, expect, it } from 'vitest';
import { Subscriber } from './subscriber.ts';

const result = (n: number) => ({ data: { n } });
const outlet = (buffered = 0) => {
  const overflows: string[] = [];
  return { overflows, bufferedBytes: () => buffered, overflow: (r: string) => void overflows.push(r) };
};
const drain = async (s: Subscriber, n: number) => {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push((await s.next()).value);
  return out;
};

describe('Subscriber', () => {
  it('delivers a replay first, then held live results it did not cover, without duplicates', async () => {
    const s = new Subscriber(outlet(), { maxQueued: 100, maxBufferedBytes: 1e6 }, '1-0');
    s.offer('3-0', result(3)); // live, arrives during catch-up
    s.offer('4-0', result(4));
    s.replayed('2-0', result(2));
    s.replayed('3-0', result(3)); // also in the replay
    s.goLive();
    s.offer('4-0', result(4)); // a late duplicate
    s.offer('5-0', result(5));
    expect(await drain(s, 4)).toEqual([result(2), result(3), result(4), result(5)]);
  });

  it('drops what is not after the resume point', async () => {
    const s = new Subscriber(outlet(), { maxQueued: 100, maxBufferedBytes: 1e6 }, '5-0');
    s.goLive();
    s.offer('5-0', result(5));
    s.offer('6-0', result(6));
    expect(await drain(s, 1)).toEqual([result(6)]);
  });

  it('cuts off a consumer whose queue passes the limit, once', () => {
    const o = outlet();
    const s = new Subscriber(o, { maxQueued: 2, maxBufferedBytes: 1e6 }, null);
    for (let i = 1; i <= 5; i++) s.offer(`${i}-0`, result(i));
    expect(o.overflows).toEqual(['slow consumer']);
    expect(s.closed).toBe(true);
  });

  it('cuts off a consumer whose socket buffer passes the limit', () => {
    const o = outlet(5_000_000);
    const s = new Subscriber(o, { maxQueued: 100, maxBufferedBytes: 1_000_000 }, null);
    s.offer('1-0', result(1));
    s.offer('2-0', result(2));
    expect(o.overflows).toHaveLength(1);
  });

  it('ends the iteration when returned, and reports a failed catch-up as an error after queued results', async () => {
    const s = new Subscriber(outlet(), { maxQueued: 100, maxBufferedBytes: 1e6 }, '1-0');
    s.replayed('2-0', result(2));
    s.fail(new Error('stream gone'));
    expect((await s.next()).value).toEqual(result(2));
    await expect(s.next()).rejects.toThrow('stream gone');
    expect((await s.next()).done).toBe(true);
  });
});
