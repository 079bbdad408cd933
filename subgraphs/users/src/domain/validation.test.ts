import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { Checker } from './validation.ts';

describe('input checks', () => {
  it('cleans good values', () => {
    const c = new Checker();
    expect(c.name('  Alice  ')).toBe('Alice');
    expect(c.email(' Alice@Example.com ')).toBe('Alice@Example.com');
    expect(c.role('manager')).toBe('manager');
    expect(() => c.done()).not.toThrow();
  });

  it('reports every bad field at once, as VALIDATION', () => {
    const c = new Checker();
    c.name('   ');
    c.email('alice@localhost');
    c.role('superuser');
    c.password('short');
    try {
      c.done();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION');
      expect((e as DomainError).details.map((d) => d.field)).toEqual(['name', 'email', 'role', 'password']);
    }
  });
});
