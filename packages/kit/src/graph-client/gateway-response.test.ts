import type { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { domainErrorFrom, interpretAnswer } from './gateway-response.ts';

const failed = (answer: Parameters<typeof interpretAnswer>[0]): DomainError => {
  const result = interpretAnswer(answer);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
};

describe('domainErrorFrom', () => {
  it.each([
    ['VALIDATION', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['RATE_LIMITED', 429],
    ['UNAVAILABLE', 503],
  ])('passes %s through with its message', (code, status) => {
    const err = domainErrorFrom({ message: 'nope', extensions: { code } });
    expect([err.code, err.httpStatus, err.message]).toEqual([code, status, 'nope']);
  });

  it('keeps well-formed field details and drops malformed ones', () => {
    const err = domainErrorFrom({
      message: 'bad',
      extensions: {
        code: 'VALIDATION',
        details: [{ field: 'sev', issue: 'too big' }, { field: 3 }, 'x', null],
      },
    });
    expect(err.details).toEqual([{ field: 'sev', issue: 'too big' }]);
  });

  it('takes the retry delay from extensions first, then from the Retry-After header', () => {
    expect(domainErrorFrom({ extensions: { code: 'RATE_LIMITED', retryAfter: 2.2 } }, 9).retryAfter).toBe(3);
    expect(domainErrorFrom({ extensions: { code: 'RATE_LIMITED' } }, 9).retryAfter).toBe(9);
    expect(
      domainErrorFrom({ extensions: { code: 'RATE_LIMITED', retryAfter: -1 } }).retryAfter,
    ).toBeUndefined();
  });

  it('reads Apollo’s BAD_USER_INPUT as VALIDATION and its subgraph fetch failures as UNAVAILABLE', () => {
    expect(domainErrorFrom({ message: 'm', extensions: { code: 'BAD_USER_INPUT' } }).code).toBe('VALIDATION');
    expect(domainErrorFrom({ message: 'm', extensions: { code: 'SUBREQUEST_HTTP_ERROR' } }).code).toBe(
      'UNAVAILABLE',
    );
  });

  it('hides unknown and internal errors behind a generic INTERNAL', () => {
    for (const code of ['INTERNAL', 'GRAPHQL_VALIDATION_FAILED', 'SOMETHING_NEW', undefined]) {
      const err = domainErrorFrom({ message: 'Cannot query field "secrets"', extensions: { code } });
      expect([err.code, err.message]).toEqual(['INTERNAL', 'internal error']);
    }
  });
});

describe('interpretAnswer', () => {
  it('returns data from a clean 200', () => {
    expect(interpretAnswer({ status: 200, payload: { data: { a: 1 } } })).toEqual({
      ok: true,
      data: { a: 1 },
    });
  });

  it('reports the first error a client can act on, whatever the HTTP status', () => {
    const payload = {
      data: null,
      errors: [{ message: 'boom' }, { message: 'gone', extensions: { code: 'NOT_FOUND' } }],
    };
    expect(failed({ status: 200, payload }).code).toBe('NOT_FOUND');
    const limited = failed({
      status: 429,
      retryAfterHeader: '4',
      payload: { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] },
    });
    expect([limited.code, limited.retryAfter]).toEqual(['RATE_LIMITED', 4]);
  });

  it('reads a gateway 5xx without an actionable error, or a body that is not GraphQL, as UNAVAILABLE', () => {
    expect(
      failed({ status: 500, payload: { errors: [{ message: 'x', extensions: { code: 'INTERNAL' } }] } }).code,
    ).toBe('UNAVAILABLE');
    expect(failed({ status: 502, payload: undefined }).code).toBe('UNAVAILABLE');
    expect(failed({ status: 200, payload: { data: null } }).code).toBe('UNAVAILABLE');
    expect(failed({ status: 404, payload: '<html>' }).code).toBe('UNAVAILABLE');
  });

  it('keeps an internal fault at 200 as INTERNAL (a bug to fix, not a reason to retry)', () => {
    expect(failed({ status: 200, payload: { errors: [{ message: 'x' }] } }).code).toBe('INTERNAL');
  });
});
