import { type DomainError, InputCheck } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkName,
  checkNewPassword,
  checkPresentedPassword,
  checkRole,
  checkTeam,
} from './validation.ts';

const failure = (check: InputCheck): DomainError => {
  try {
    check.throwIfAny();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a validation error');
};

describe('users input rules', () => {
  it('cleans good values', () => {
    const check = new InputCheck();
    expect(checkName(check, '  Alice  ')).toBe('Alice');
    expect(checkEmail(check, ' Alice@Example.com ')).toBe('Alice@Example.com');
    expect(checkTeam(check, undefined)).toBe('');
    expect(checkRole(check, 'manager')).toBe('manager');
    expect(() => check.throwIfAny()).not.toThrow();
  });

  it('reports every bad field at once, as VALIDATION', () => {
    const check = new InputCheck();
    checkName(check, '   ');
    checkEmail(check, 'alice@localhost');
    checkRole(check, 'superuser');
    checkNewPassword(check, 'short');
    const err = failure(check);
    expect(err.code).toBe('VALIDATION');
    expect(err.details.map((d) => d.field)).toEqual(['name', 'email', 'role', 'password']);
  });

  it('counts names in characters, not UTF-16 units, and refuses control characters', () => {
    const check = new InputCheck();
    expect(checkName(check, '😀'.repeat(100))).toBe('😀'.repeat(100));
    checkName(check, 'Mallory\u001b[2J', 'displayName');
    checkTeam(check, 'sre\nops');
    expect(failure(check).details).toEqual([
      { field: 'displayName', issue: 'must not contain control characters' },
      { field: 'team', issue: 'must not contain control characters' },
    ]);
  });

  it('takes a presented password as it is, only bounded', () => {
    const check = new InputCheck();
    expect(checkPresentedPassword(check, '  spaces stay  ', 20)).toBe('  spaces stay  ');
    checkPresentedPassword(check, 'x'.repeat(21), 20, 'pw');
    checkPresentedPassword(check, '', 20, 'missing');
    expect(failure(check).details).toEqual([
      { field: 'pw', issue: 'must be at most 20 characters' },
      { field: 'missing', issue: 'is required' },
    ]);
  });
});
