import { ROLES, roleAtLeast } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { adminMembership, mayGrant, minRole } from './role-rules.ts';

describe('role ordering', () => {
  it('viewer < responder < manager < admin', () => {
    expect(ROLES).toEqual(['viewer', 'responder', 'manager', 'admin']);
    expect(roleAtLeast('admin', 'manager')).toBe(true);
    expect(roleAtLeast('responder', 'responder')).toBe(true);
    expect(roleAtLeast('responder', 'manager')).toBe(false);
    expect(roleAtLeast(null, 'viewer')).toBe(false);
  });

  it('a token acts with the weaker of its role and its owner’s', () => {
    expect(minRole('admin', 'responder')).toBe('responder');
    expect(minRole('viewer', 'manager')).toBe('viewer');
  });

  it('nobody grants above their own role', () => {
    expect(mayGrant('manager', 'manager')).toBe(true);
    expect(mayGrant('manager', 'responder')).toBe(true);
    expect(mayGrant('manager', 'admin')).toBe(false);
  });

  it('tracks enabled admins, guarding only changes that remove one', () => {
    const admin = { role: 'admin' as const, disabled: false };
    expect(adminMembership(admin, { role: 'manager', disabled: false })).toEqual({
      membership: 'remove',
      guardLastAdmin: true,
    });
    expect(adminMembership(admin, { role: 'admin', disabled: true })).toEqual({
      membership: 'remove',
      guardLastAdmin: true,
    });
    expect(adminMembership({ role: 'viewer', disabled: false }, admin)).toEqual({
      membership: 'add',
      guardLastAdmin: false,
    });
    expect(adminMembership({ role: 'admin', disabled: true }, { role: 'admin', disabled: true })).toEqual({
      membership: 'keep',
      guardLastAdmin: false,
    });
  });
});
