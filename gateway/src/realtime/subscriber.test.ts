import { describe, expect, it } from 'vitest';
import { Subscriber } from './subscriber.ts';
import { recordingOutlet } from './test-support/recording-outlet.ts';

const result = (n: number) => ({ json: JSON.stringify({ data: { n } }) });
const limits = { maxQueued: 100, maxBufferedBytes: 1e6 };
const numbers = (sent: string[]) => sent.map((s) => (JSON.parse(s) as { data: { n: number } }).data.n);

describe('Subscriber', () => {
  it('sends a replay first, then held live results it did not cover, without duplicates', () => {
    const rec = recordingOutlet();
    const s = new Subscriber(rec.outlet, limits, '1-0');
    s.offer('3-0', result(3)); // live, arrives during catch-up
    s.offer('4-0', result(4));
    s.replayed('2-0', result(2));
    s.replayed('3-0', result(3)); // also in the replay
    expect(numbers(rec.sent)).toEqual([2, 3]);
    s.goLive();
    s.offer('4-0', result(4)); // a late duplicate
    s.offer('5-0', result(5));
    expect(numbers(rec.sent)).toEqual([2, 3, 4, 5]);
  });

  it('drops what is not after the resume point', () => {
    const rec = recordingOutlet();
    const s = new Subscriber(rec.outlet, limits, '5-0');
    s.goLive();
    s.offer('5-0', result(5));
    s.offer('6-0', result(6));
    expect(numbers(rec.sent)).toEqual([6]);
  });

  it('cuts off a subscriber whose socket stops draining, once, and sends it nothing more', () => {
    const rec = recordingOutlet(5_000_000);
    const s = new Subscriber(rec.outlet, { maxQueued: 100, maxBufferedBytes: 1_000_000 }, null);
    s.offer('1-0', result(1));
    s.offer('2-0', result(2));
    expect(rec.overflows).toEqual(['slow consumer']);
    expect(rec.sent).toEqual([]);
    expect(s.closed).toBe(true);
  });

  it('cuts off a subscriber that holds too many live results while catching up', () => {
    const rec = recordingOutlet();
    const s = new Subscriber(rec.outlet, { maxQueued: 2, maxBufferedBytes: 1e6 }, '1-0');
    for (let i = 2; i <= 5; i++) s.offer(`${i}-0`, result(i));
    expect(rec.overflows).toEqual(['too many events while catching up']);
  });

  it('finishes the iteration graphql-ws runs when returned, and rejects it when the catch-up fails', async () => {
    const ended = new Subscriber(recordingOutlet().outlet, limits, null);
    const pending = ended.next();
    await ended.return();
    expect(await pending).toEqual({ value: undefined, done: true });

    const failed = new Subscriber(recordingOutlet().outlet, limits, '1-0');
    const waiting = failed.next();
    failed.fail(new Error('stream gone'));
    await expect(waiting).rejects.toThrow('stream gone');
    expect((await failed.next()).done).toBe(true);
  });
});
