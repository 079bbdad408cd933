import { describe, expect, it } from 'vitest';
import type { AccessClaims } from './access-token.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

const claims = (exp: number): AccessClaims => ({
  sub: 'u',
  role: 'viewer',
  sid: 's',
  jti: 'j',
  iat: exp - 600,
  exp,
});

describe('verified token cache', () => {
  it('answers until the token expires, then forgets it', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t1', claims(1_000));
    expect(cache.get('t1', 999_999)).toEqual(claims(1_000));
    expect(cache.get('t1', 1_000_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never grows past its bound, evicting the oldest', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', claims(9_999));
    cache.set('b', claims(9_999));
    cache.set('c', claims(9_999));
    expect(cache.size).toBe(2);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('c', 0)).toBeDefined();
  });
});
