import { describe, expect, it } from 'vitest';
import { ID_ALPHABET, ID_PATTERN, newIncidentId } from './id.ts';

describe('incident ids', () => {
  it('are INC- and eight Crockford base32 characters', () => {
    for (let i = 0; i < 1000; i++) expect(newIncidentId()).toMatch(ID_PATTERN);
  });

  it('never use the ambiguous letters I, L, O, U', () => {
    expect(ID_ALPHABET).toHaveLength(32);
    expect(ID_ALPHABET).not.toMatch(/[ILOU]/);
    const seen = new Set(Array.from({ length: 2000 }, () => newIncidentId().slice(4)).join(''));
    expect([...seen].every((c) => ID_ALPHABET.includes(c))).toBe(true);
  });

  it('map every random byte to a character uniformly (the low five bits)', () => {
    const bytes = Uint8Array.from([0, 31, 32, 255, 10, 42, 200, 17]);
    expect(newIncidentId(() => bytes)).toBe(
      `INC-${[0, 31, 0, 31, 10, 10, 8, 17].map((i) => ID_ALPHABET[i]).join('')}`,
    );
  });

  it('do not repeat across many draws', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newIncidentId()));
    expect(ids.size).toBe(20_000);
  });
});
