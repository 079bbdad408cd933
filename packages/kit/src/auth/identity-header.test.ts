import { describe, expect, it } from 'vitest';
import { signIdentity, verifyIdentity } from './identity-header.ts';
import { ANONYMOUS } from './principal.ts';

const SECRET = 'a-secret-that-is-long-enough-for-hmac-0001';

describe('identity header', () => {
  it('round-trips a principal', () => {
    const header = signIdentity({ kind: 'token', id: 'u1', role: 'manager', tokenId: 't9' }, SECRET);
    expect(verifyIdentity(header, SECRET)).toEqual({
      ok: true,
      principal: { kind: 'token', id: 'u1', role: 'manager', tokenId: 't9' },
    });
  });

  it('treats a missing header as anonymous', () => {
    expect(verifyIdentity(undefined, SECRET)).toEqual({ ok: true, principal: ANONYMOUS });
  });

  it('refuses a header signed with another secret', () => {
    const header = signIdentity(
      { kind: 'user', id: 'u1', role: 'admin' },
      'another-secret-of-sufficient-length-02',
    );
    expect(verifyIdentity(header, SECRET)).toMatchObject({
      ok: false,
      reason: 'identity signature mismatch',
    });
  });

  it('refuses a payload altered after signing', () => {
    const header = signIdentity({ kind: 'user', id: 'u1', role: 'viewer' }, SECRET);
    const [, sig] = header.split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'user', s: 'u1', r: 'admin', e: 9999999999 })).toString(
      'base64url',
    );
    expect(verifyIdentity(`${forged}.${sig}`, SECRET).ok).toBe(false);
  });

  it('refuses an expired header', () => {
    const header = signIdentity({ kind: 'user', id: 'u1', role: 'viewer' }, SECRET, -1);
    expect(verifyIdentity(header, SECRET)).toMatchObject({ ok: false, reason: 'identity expired' });
  });

  it('refuses garbage', () => {
    expect(verifyIdentity('nonsense', SECRET).ok).toBe(false);
    expect(verifyIdentity('a.b', SECRET).ok).toBe(false);
  });
});
