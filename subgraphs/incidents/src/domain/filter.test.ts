import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { decodeListCursor, encodeListCursor, parseFilter, parseListArgs, parseStreamId } from './filter.ts';

const issue = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    expect(e.code).toBe('VALIDATION');
    return e.details[0]!.field;
  }
  throw new Error('expected a VALIDATION error');
};

describe('list arguments', () => {
  it('round-trips cursors and keeps them opaque', () => {
    for (const seq of [1, 42, 10_000, 2 ** 40]) expect(decodeListCursor(encodeListCursor(seq))).toBe(seq);
    expect(encodeListCursor(42)).not.toContain('42');
  });

  it('refuses cursors it did not issue', () => {
    expect(issue(() => decodeListCursor('not-a-cursor'))).toBe('after');
    expect(issue(() => decodeListCursor(Buffer.from('v1:0').toString('base64url')))).toBe('after');
    expect(issue(() => decodeListCursor(Buffer.from('v1:-3').toString('base64url')))).toBe('after');
    expect(issue(() => decodeListCursor(Buffer.from('v2:3').toString('base64url')))).toBe('after');
  });

  it('takes first up to the kit maximum and refuses anything else', () => {
    expect(parseListArgs({ first: 500 }).first).toBe(500);
    expect(issue(() => parseListArgs({ first: 501 }))).toBe('first');
    expect(issue(() => parseListArgs({ first: 0 }))).toBe('first');
  });

  it('normalizes filters: service and q lower-cased, empties dropped', () => {
    expect(parseFilter(null)).toEqual({});
    expect(
      parseFilter({ status: 'open', sev: 2, service: ' API ', q: 'CaFÉ', commander: 'u1', source: 'csp' }),
    ).toEqual({ status: 'open', sev: 2, service: 'api', q: 'café', commander: 'u1', source: 'csp' });
    expect(parseFilter({ q: '', status: null, sev: null })).toEqual({});
  });

  it('names the offending filter field', () => {
    expect(issue(() => parseFilter({ sev: 5 }))).toBe('sev');
    expect(issue(() => parseFilter({ sev: 0 }))).toBe('sev');
    expect(issue(() => parseFilter({ service: 'no spaces' }))).toBe('service');
    expect(issue(() => parseFilter({ q: 'x'.repeat(201) }))).toBe('q');
    expect(issue(() => parseFilter({ commander: '' }))).toBe('commander');
  });

  it('parses a whole request', () => {
    const after = encodeListCursor(77);
    expect(parseListArgs({ filter: { status: 'resolved' }, first: 10, after })).toEqual({
      filter: { status: 'resolved' },
      first: 10,
      before: 77,
    });
    expect(parseListArgs({})).toEqual({ filter: {}, first: 50, before: null });
  });

  it('accepts stream ids as timeline cursors', () => {
    expect(parseStreamId('1700000000000-0')).toBe('1700000000000-0');
    expect(parseStreamId(null)).toBeNull();
    expect(parseStreamId('')).toBeNull();
    expect(issue(() => parseStreamId('1700000000000'))).toBe('after');
    expect(issue(() => parseStreamId('abc-1'))).toBe('after');
    // Beyond Redis's 64-bit stream ids: refused here rather than by Redis (which would surface as a 500).
    expect(issue(() => parseStreamId('99999999999999999999-0'))).toBe('after');
    expect(issue(() => parseStreamId('18446744073709551615-18446744073709551615'))).toBe('after');
    expect(parseStreamId('18446744073709551614-18446744073709551615')).toBe(
      '18446744073709551614-18446744073709551615',
    );
  });
});
