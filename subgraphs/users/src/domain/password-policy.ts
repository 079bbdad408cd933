import { codePointLength } from '@polystatus/kit';

/**
 * Length beats composition rules (NIST SP 800-63B): at least 12 characters, refused when it is one of the passwords
 * attackers try first. The list is short on purpose: it catches the guesses a rate-limited attacker would spend
 * their few attempts on, without shipping a dictionary.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 hashes any length, but hashing megabytes per login attempt would be a cheap denial of service. */
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  'qwertyuiopas',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'qwertyqwerty',
  'asdfghjklasd',
  'passwordpassword',
  'password1234',
  'password12345',
  'password123456',
  'password!123',
  'passw0rd1234',
  'p@ssw0rd1234',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'administrator',
  'admin1234567',
  'adminadmin123',
  'changeme1234',
  'changemenow1',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'superman1234',
  'dragon123456',
  'monkey123456',
  'abcdefghijkl',
  'abc123abc123',
  'polystatus123',
  'polystatus1234',
  'correcthorsebatterystaple',
]);

/** Why `password` is refused, or null when it is acceptable. */
export function passwordIssue(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  const length = codePointLength(password);
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is too common';
  if (/^(.)\1+$/.test(password)) return 'must not repeat a single character';
  const email = context.email?.trim().toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) return 'must not be the email address';
  if (context.name && lower === context.name.trim().toLowerCase()) return 'must not be the name';
  return null;
}
