import { describe, expect, it } from 'vitest';
import { signIdentity } from './identity-header.ts';
import {
  isServiceAuthorization,
  serviceAuthorization,
  verifyServiceAuthorization,
} from './service-credential.ts';

const SECRET = 'a'.repeat(40);

describe('service credentials', () => {
  it('carry a system principal with the role it was given', () => {
    const header = serviceAuthorization('csp', 'responder', SECRET)();
    expect(isServiceAuthorization(header)).toBe(true);
    expect(verifyServiceAuthorization(header, SECRET)).toEqual({
      kind: 'system',
      id: 'csp',
      role: 'responder',
    });
  });

  it('are refused when signed with another secret', () => {
    const header = serviceAuthorization('csp', 'admin', 'b'.repeat(40))();
    expect(() => verifyServiceAuthorization(header, SECRET)).toThrow(/invalid service credential/);
  });

  it('cannot smuggle a user principal, even correctly signed', () => {
    const user = signIdentity({ kind: 'user', id: 'u1', role: 'admin' }, SECRET);
    expect(() => verifyServiceAuthorization(`Service ${user}`, SECRET)).toThrow(/invalid service credential/);
  });

  it('are refused when malformed', () => {
    expect(() => verifyServiceAuthorization('Service nope', SECRET)).toThrow(/invalid service credential/);
    expect(isServiceAuthorization('Bearer x.y')).toBe(false);
  });

  it('are signed once and reused while fresh', () => {
    const get = serviceAuthorization('comms', 'viewer', SECRET);
    expect(get()).toBe(get());
  });
});
