import { type FieldIssue, isRole, type Role, validationError } from '@polystatus/kit';
import { passwordIssue } from './password-policy.ts';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const MAX_NAME = 100;
export const MAX_TEAM = 100;
const MAX_EMAIL = 254;

/**
 * Collects every problem of one input, so a client fixes a form in one round trip. Each check returns the cleaned
 * value; `done()` throws a VALIDATION DomainError naming every bad field, or returns nothing.
 */
export class Checker {
  private readonly issues: FieldIssue[] = [];

  name(value: string, field = 'name'): string {
    const v = value.trim();
    if (!v) this.issues.push({ field, issue: 'must not be empty' });
    else if (v.length > MAX_NAME)
      this.issues.push({ field, issue: `must be at most ${MAX_NAME} characters` });
    return v;
  }

  email(value: string, field = 'email'): string {
    const v = value.trim();
    if (v.length > MAX_EMAIL || !EMAIL.test(v))
      this.issues.push({ field, issue: 'must be a valid email address' });
    return v;
  }

  team(value: string, field = 'team'): string {
    const v = value.trim();
    if (v.length > MAX_TEAM) this.issues.push({ field, issue: `must be at most ${MAX_TEAM} characters` });
    return v;
  }

  role(value: unknown, field = 'role'): Role {
    if (isRole(value)) return value;
    this.issues.push({ field, issue: 'must be one of viewer, responder, manager, admin' });
    return 'viewer';
  }

  password(value: string, context: { email?: string; name?: string } = {}, field = 'password'): string {
    const issue = passwordIssue(value, context);
    if (issue) this.issues.push({ field, issue });
    return value;
  }

  required(value: string | null | undefined, field: string): string {
    if (value == null || value === '') this.issues.push({ field, issue: 'is required' });
    return value ?? '';
  }

  add(field: string, issue: string): void {
    this.issues.push({ field, issue });
  }

  done(): void {
    if (this.issues.length) throw validationError(this.issues);
  }
}
