import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors.ts';
import { requireRole } from './guard.ts';
import { ANONYMOUS } from './principal.ts';
import { ROLES, roleAtLeast } from './roles.ts';

describe('roles', () => {
  it('orders viewer < responder < manager < admin', () => {
    expect(ROLES).toEqual(['viewer', 'responder', 'manager', 'admin']);
    expect(roleAtLeast('admin', 'manager')).toBe(true);
    expect(roleAtLeast('responder', 'responder')).toBe(true);
    expect(roleAtLeast('viewer', 'responder')).toBe(false);
    expect(roleAtLeast(null, 'viewer')).toBe(false);
  });
});

describe('requireRole', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return 'none';
    } catch (e) {
      return (e as DomainError).code;
    }
  };

  it('refuses anonymous callers with UNAUTHENTICATED', () => {
    expect(codeOf(() => requireRole(ANONYMOUS, 'viewer'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a role below the minimum with FORBIDDEN', () => {
    expect(codeOf(() => requireRole({ kind: 'user', id: 'u', role: 'viewer' }, 'responder'))).toBe(
      'FORBIDDEN',
    );
  });

  it('lets an equal or higher role through', () => {
    expect(codeOf(() => requireRole({ kind: 'user', id: 'u', role: 'manager' }, 'responder'))).toBe('none');
    expect(codeOf(() => requireRole({ kind: 'token', id: 'u', role: 'admin' }, 'admin'))).toBe('none');
  });
});
