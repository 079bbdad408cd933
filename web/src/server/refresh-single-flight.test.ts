import { describe, expect, it } from 'vitest';
import { RefreshSingleFlight } from './refresh-single-flight.ts';

describe('RefreshSingleFlight', () => {
  it('makes one refresh for concurrent requests with the same token', async () => {
    const flight = new RefreshSingleFlight<string>();
    let calls = 0;
    let release!: (v: string) => void;
    const refresh = () => {
      calls++;
      return new Promise<string>((r) => {
        release = r;
      });
    };
    const a = flight.run('rt-1', refresh);
    const b = flight.run('rt-1', refresh);
    release('new');
    expect(await Promise.all([a, b])).toEqual(['new', 'new']);
    expect(calls).toBe(1);
  });

  it('answers a late request with the just-rotated token from the grace window, then refreshes again after it', async () => {
    let now = 0;
    const flight = new RefreshSingleFlight<number>(10_000, () => now);
    let calls = 0;
    const refresh = async () => ++calls;
    expect(await flight.run('rt-1', refresh)).toBe(1);
    now = 9_999;
    expect(await flight.run('rt-1', refresh)).toBe(1);
    now = 10_000;
    expect(await flight.run('rt-1', refresh)).toBe(2);
    expect(await flight.run('rt-2', refresh)).toBe(3);
  });

  it('does not remember a failure: the next request tries again', async () => {
    const flight = new RefreshSingleFlight<string>();
    await expect(flight.run('rt', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await flight.run('rt', async () => 'ok')).toBe('ok');
  });
});
