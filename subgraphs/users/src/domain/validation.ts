import { codePointLength, type InputCheck, ROLES, type Role } from '@polystatus/kit';
import { passwordIssue } from './password-policy.ts';

/**
 * The users domain's own rules, reported through the kit's InputCheck (code points, no control characters, every
 * problem at once). Each returns the cleaned value, or a harmless stand-in when the value is refused: the caller
 * throws with `check.throwIfAny()` before using any of them.
 */

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const MAX_NAME = 100;
export const MAX_TEAM = 100;
/** RFC 5321's limit; anything longer is refused before it reaches Redis or the audit log. */
export const MAX_EMAIL = 254;

export const checkName = (check: InputCheck, value: unknown, field = 'name'): string =>
  check.text(field, value, { max: MAX_NAME, required: true }) ?? '';

export const checkTeam = (check: InputCheck, value: unknown, field = 'team'): string =>
  check.text(field, value, { max: MAX_TEAM }) ?? '';

export function checkEmail(check: InputCheck, value: unknown, field = 'email'): string {
  const v = check.text(field, value, { max: MAX_EMAIL, required: true });
  if (v !== undefined && !EMAIL.test(v)) check.add(field, 'must be a valid email address');
  return v ?? '';
}

export const checkRole = (check: InputCheck, value: unknown, field = 'role'): Role =>
  check.oneOf(field, value, ROLES, { required: true }) ?? 'viewer';

/**
 * A new password against the policy. Passwords are not text to display: never trimmed, any character allowed,
 * length counted in code points by the policy.
 */
export function checkNewPassword(
  check: InputCheck,
  value: string,
  context: { email?: string; name?: string } = {},
  field = 'password',
): string {
  const issue = passwordIssue(value, context);
  if (issue) check.add(field, issue);
  return value;
}

/** A password presented to log in: only present and bounded, so a stranger cannot make us hash megabytes. */
export function checkPresentedPassword(
  check: InputCheck,
  value: unknown,
  max: number,
  field = 'password',
): string {
  if (typeof value !== 'string' || value === '') {
    check.add(field, 'is required');
    return '';
  }
  if (codePointLength(value) > max) check.add(field, `must be at most ${max} characters`);
  return value;
}
