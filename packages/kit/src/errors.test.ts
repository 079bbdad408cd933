import { describe, expect, it } from 'vitest';
import { DomainError, fieldError, httpStatusFor, toErrorBody } from './errors.ts';

describe('error model', () => {
  it('maps every code to its HTTP status', () => {
    expect(
      (
        [
          'VALIDATION',
          'UNAUTHENTICATED',
          'FORBIDDEN',
          'NOT_FOUND',
          'CONFLICT',
          'RATE_LIMITED',
          'UNAVAILABLE',
        ] as const
      ).map(httpStatusFor),
    ).toEqual([400, 401, 403, 404, 409, 429, 503]);
  });

  it('renders the documented REST body with the field', () => {
    const err = fieldError('sev', 'must be between 1 and 4');
    expect(toErrorBody(err, 'req-1')).toEqual({
      error: {
        code: 'VALIDATION',
        message: 'sev: must be between 1 and 4',
        details: [{ field: 'sev', issue: 'must be between 1 and 4' }],
      },
      requestId: 'req-1',
    });
  });

  it('keeps retryAfter for rate limits', () => {
    const err = new DomainError('RATE_LIMITED', 'slow down', { retryAfter: 30 });
    expect(err.httpStatus).toBe(429);
    expect(err.retryAfter).toBe(30);
  });
});
