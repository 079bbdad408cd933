import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { compareStreamIds, isStreamId, streamIdBefore } from './stream-id.ts';

describe('stream ids', () => {
  it('orders by time then sequence, numerically', () => {
    expect(compareStreamIds('9-0', '10-0')).toBeLessThan(0);
    expect(compareStreamIds('10-2', '10-10')).toBeLessThan(0);
    expect(compareStreamIds('10-3', '10-3')).toBe(0);
    expect(compareStreamIds('11-0', '10-99')).toBeGreaterThan(0);
  });

  it('finds the id just before one, across a millisecond boundary', () => {
    expect(streamIdBefore('1700000000000-5')).toBe('1700000000000-4');
    expect(streamIdBefore('1700000000000-0')).toBe('1699999999999-18446744073709551615');
    expect(compareStreamIds(streamIdBefore('5-0'), '4-18446744073709551615')).toBe(0);
  });

  it('refuses what is not a stream id, as a validation error on after', () => {
    expect(isStreamId('INC-1')).toBe(false);
    expect(() => compareStreamIds('x', '1-0')).toThrow(DomainError);
  });
});
