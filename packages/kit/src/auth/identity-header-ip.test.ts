import { describe, expect, it } from 'vitest';
import { signIdentity, verifyIdentity } from './identity-header.ts';
import { ANONYMOUS } from './principal.ts';

const SECRET = 's'.repeat(40);

describe('identity header: client address', () => {
  it('carries the optional ip for users and anonymous callers', () => {
    const user = verifyIdentity(
      signIdentity({ kind: 'user', id: 'u1', role: 'viewer', ip: '203.0.113.7' }, SECRET),
      SECRET,
    );
    expect(user).toEqual({
      ok: true,
      principal: { kind: 'user', id: 'u1', role: 'viewer', ip: '203.0.113.7' },
    });
    const anon = verifyIdentity(signIdentity({ ...ANONYMOUS, ip: '198.51.100.1' }, SECRET), SECRET);
    expect(anon).toEqual({
      ok: true,
      principal: { kind: 'anonymous', id: null, role: null, ip: '198.51.100.1' },
    });
  });

  it('stays as before without one', () => {
    expect(verifyIdentity(signIdentity({ kind: 'user', id: 'u1', role: 'viewer' }, SECRET), SECRET)).toEqual({
      ok: true,
      principal: { kind: 'user', id: 'u1', role: 'viewer' },
    });
    expect(verifyIdentity(signIdentity(ANONYMOUS, SECRET), SECRET)).toEqual({
      ok: true,
      principal: ANONYMOUS,
    });
  });
});
