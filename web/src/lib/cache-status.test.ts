import { describe, expect, it } from 'vitest';
import { matchesCspFilter } from './cache-status.ts';

describe('which cached provider-event lists an event belongs in', () => {
  const open = { id: 'e1', providerId: 'github', active: true };

  it('follows the list’s filter: open or closed, and its providers', () => {
    expect(matchesCspFilter({ active: true }, open)).toBe(true);
    expect(matchesCspFilter({ active: true }, { ...open, active: false })).toBe(false);
    expect(matchesCspFilter({ providers: ['aws'] }, open)).toBe(false);
    expect(matchesCspFilter({ providers: ['aws', 'github'], active: true }, open)).toBe(true);
  });

  it('puts every event in an unfiltered list', () => {
    expect(matchesCspFilter(null, { ...open, active: false })).toBe(true);
    expect(matchesCspFilter({ providers: [] }, open)).toBe(true);
  });
});
