import { describe, expect, it } from 'vitest';
import { lanePosition } from './lane.ts';

describe('lanePosition', () => {
  it('orders entry ids as the stream does, exactly', () => {
    const ids = ['1795792942181-0', '1795792942181-1', '1795792942181-12', '1795792942182-0'];
    const scores = ids.map(lanePosition);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(new Set(scores).size).toBe(ids.length);
    expect(Number.isSafeInteger(lanePosition(`${Date.UTC(2200, 0, 1)}-999`))).toBe(true);
  });

  it('refuses what is not an entry id', () => {
    expect(() => lanePosition('*')).toThrow(/not a stream entry id/);
  });
});
