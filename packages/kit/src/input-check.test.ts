import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { codePointLength, InputCheck } from './input-check.ts';

const failure = (check: InputCheck): DomainError => {
  try {
    check.throwIfAny();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a validation error');
};

describe('InputCheck', () => {
  it('trims and returns clean values, and throws nothing when all are good', () => {
    const check = new InputCheck();
    expect(check.text('title', '  DB down  ', { max: 10, required: true })).toBe('DB down');
    expect(check.text('summary', undefined, { max: 10 })).toBeUndefined();
    expect(check.integer('sev', 2, { min: 1, max: 4 })).toBe(2);
    expect(check.oneOf('role', 'admin', ['viewer', 'admin'] as const)).toBe('admin');
    expect(() => check.throwIfAny()).not.toThrow();
  });

  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('🔥🔥')).toBe(2);
    const check = new InputCheck();
    expect(check.text('name', '🔥'.repeat(5), { max: 5 })).toBe('🔥🔥🔥🔥🔥');
    expect(check.text('name2', '🔥'.repeat(6), { max: 5 })).toBeUndefined();
    expect(check.issues).toEqual([{ field: 'name2', issue: 'must be at most 5 characters' }]);
  });

  it('refuses control characters; multi-line fields keep tab and line breaks only', () => {
    const check = new InputCheck();
    expect(check.text('title', 'a\nb', { max: 50 })).toBeUndefined();
    expect(check.text('title2', 'a\tb', { max: 50 })).toBeUndefined();
    expect(check.text('summary', 'line 1\r\n\tline 2', { max: 50, multiline: true })).toBe(
      'line 1\r\n\tline 2',
    );
    expect(check.text('summary2', 'bell \u0007', { max: 50, multiline: true })).toBeUndefined();
    expect(check.text('summary3', 'esc \u001b[31m', { max: 50, multiline: true })).toBeUndefined();
    expect(check.issues.map((i) => i.field)).toEqual(['title', 'title2', 'summary2', 'summary3']);
    expect(new Set(check.issues.map((i) => i.issue))).toEqual(
      new Set(['must not contain control characters']),
    );
  });

  it('reports every problem at once, with field names, as one VALIDATION error', () => {
    const check = new InputCheck();
    check.text('title', '   ', { max: 10, required: true });
    check.text('owner', null, { max: 10, required: true });
    check.text('summary', 42, { max: 10 });
    check.integer('sev', 9, { min: 1, max: 4 });
    check.oneOf('role', 'root', ['viewer', 'admin'] as const);
    check.add('password', 'is too common');
    expect(check.has('sev')).toBe(true);
    expect(check.has('name')).toBe(false);
    const err = failure(check);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('VALIDATION');
    expect(err.details).toEqual([
      { field: 'title', issue: 'must not be empty' },
      { field: 'owner', issue: 'is required' },
      { field: 'summary', issue: 'must be a string' },
      { field: 'sev', issue: 'must be an integer from 1 to 4' },
      { field: 'role', issue: 'must be one of viewer, admin' },
      { field: 'password', issue: 'is too common' },
    ]);
  });
});
