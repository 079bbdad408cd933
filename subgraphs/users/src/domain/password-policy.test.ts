import { describe, expect, it } from 'vitest';
import { passwordIssue } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long uncommon password', () => {
    expect(passwordIssue('violet tractor on the moon')).toBeNull();
  });

  it.each([
    ['short1!', 'must be at least 12 characters'],
    ['password1234', 'is too common'],
    ['PASSWORD1234', 'is too common'],
    ['aaaaaaaaaaaaaaaa', 'must not repeat a single character'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('refuses %s', (password, issue) => {
    expect(passwordIssue(password)).toBe(issue);
  });

  it('refuses the email address or the name', () => {
    expect(passwordIssue('alice.dupont@example.com', { email: 'Alice.Dupont@example.com' })).toBe(
      'must not be the email address',
    );
    expect(passwordIssue('Alice Dupont Jr', { name: 'alice dupont jr' })).toBe('must not be the name');
  });
});
