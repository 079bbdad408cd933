import { describe, expect, it } from 'vitest';
import { answerVersion, REUSE_HEADERS, reuseTermsOf } from './answer-version.ts';

const SECRET = 'test-internal-secret-0123456789abcdef0123';

describe('answer versions', () => {
  it('names the streams’ ids under the secret: any id, domain or secret changes it', () => {
    const v = answerVersion(SECRET, ['incidents', 'users'], ['1-0', '2-0']);
    expect(v).toMatch(/^[\w-]{22}$/);
    expect(answerVersion(SECRET, ['incidents', 'users'], ['1-0', '2-0'])).toBe(v);
    expect(answerVersion(SECRET, ['incidents', 'users'], ['1-0', '2-1'])).not.toBe(v);
    expect(answerVersion(SECRET, ['comms', 'users'], ['1-0', '2-0'])).not.toBe(v);
    expect(answerVersion(`${SECRET}x`, ['incidents', 'users'], ['1-0', '2-0'])).not.toBe(v);
    // Domain and id boundaries are kept apart: "a=1-0" then "b" is not "a" then "=1-0b".
    expect(answerVersion(SECRET, ['a', 'b'], ['1-0', '2-0'])).not.toBe(
      answerVersion(SECRET, ['a'], ['1-0\nb=2-0']),
    );
  });

  it('reads terms from a gateway answer’s headers, and nothing from partial ones', () => {
    const headers = {
      [REUSE_HEADERS.scope]: 'incidents,users',
      [REUSE_HEADERS.version]: 'abc',
      [REUSE_HEADERS.until]: '1700000000000',
    };
    expect(reuseTermsOf(headers)).toEqual({
      domains: ['incidents', 'users'],
      version: 'abc',
      until: 1700000000000,
    });
    expect(reuseTermsOf({ ...headers, [REUSE_HEADERS.version]: undefined })).toBeUndefined();
    expect(reuseTermsOf({ ...headers, [REUSE_HEADERS.until]: 'soon' })).toBeUndefined();
    expect(reuseTermsOf({})).toBeUndefined();
  });
});
