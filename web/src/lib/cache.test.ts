import { describe, expect, it } from 'vitest';
import { matchesFilter } from './cache.ts';

describe('matchesFilter', () => {
  const incident = {
    id: 'INC-AAAAAA',
    status: 'OPEN',
    sev: 2,
    services: ['api'],
    commanderId: null,
    source: 'MANUAL',
  };

  it('compares every filter field the client holds', () => {
    expect(matchesFilter({ status: 'OPEN' }, incident)).toBe(true);
    expect(matchesFilter({ status: 'MITIGATED' }, incident)).toBe(false);
    expect(matchesFilter({ status: 'OPEN', sev: 1 }, incident)).toBe(false);
    expect(matchesFilter({ service: 'api' }, incident)).toBe(true);
    expect(matchesFilter({ service: 'db' }, incident)).toBe(false);
    expect(matchesFilter(null, incident)).toBe(true);
  });

  it('is unknown for a text search or a field the payload lacks', () => {
    expect(matchesFilter({ q: 'api' }, incident)).toBe('unknown');
    expect(matchesFilter({ status: 'OPEN' }, { id: 'INC-AAAAAA' })).toBe('unknown');
  });
});
