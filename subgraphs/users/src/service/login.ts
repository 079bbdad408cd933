import { DomainError, InputCheck, type Principal } from '@polystatus/kit';
import type { AuditType } from '../domain/audit.ts';
import { emailKey, withoutSecret } from '../domain/user.ts';
import { checkPresentedPassword, MAX_EMAIL } from '../domain/validation.ts';
import type { UsersDeps } from './deps.ts';
import { type AuthResult, openSession } from './session-tokens.ts';

const INVALID = 'invalid email or password';
/** Far above any real passphrase; bounds the Argon2 input a stranger can make us hash. */
const MAX_PASSWORD = 1024;

/**
 * Public. Every failure looks the same to the caller (no hint whether the email exists, is disabled or has no
 * password) and takes about as long, since an unknown email is verified against a dummy hash. Attempts are counted
 * per email and per client address before the password is checked; past the limit the answer is RATE_LIMITED with
 * the seconds left in the window.
 */
export async function login(
  deps: UsersDeps,
  principal: Principal,
  input: { email: string; password: string },
): Promise<AuthResult> {
  const check = new InputCheck();
  // Only present and bounded: a malformed email fails as an unknown one does.
  const email = check.text('email', input.email, { max: MAX_EMAIL, required: true }) ?? '';
  const password = checkPresentedPassword(check, input.password, MAX_PASSWORD);
  check.throwIfAny();

  const ip = principal.ip ?? null;
  const key = emailKey(email);
  const { settings } = deps;
  const counts = await deps.loginLimits.reserve(key, ip, settings.loginWindowSeconds);
  const overEmail = counts.email.count > settings.maxFailuresPerEmail;
  const overIp = counts.ip !== null && counts.ip.count > settings.maxFailuresPerIp;
  if (overEmail || overIp) {
    const retryAfter = Math.max(1, overEmail ? counts.email.ttl : 0, overIp ? (counts.ip?.ttl ?? 0) : 0);
    // One audit entry when a limit is first crossed, not one per blocked attempt: a flood must not flush the log.
    if (
      counts.email.count === settings.maxFailuresPerEmail + 1 ||
      counts.ip?.count === settings.maxFailuresPerIp + 1
    ) {
      await deps.audit.append(
        {
          type: 'login.blocked',
          actorId: null,
          subjectId: null,
          ip,
          details: { email, by: overEmail ? 'email' : 'address' },
        },
        deps.clock(),
      );
    }
    throw new DomainError('RATE_LIMITED', 'too many failed logins; try again later', { retryAfter });
  }

  const user = await deps.users.getByEmail(email);
  const fail = async (reason: string, type: AuditType = 'login.failed') => {
    await deps.audit.append(
      { type, actorId: null, subjectId: user?.id ?? null, ip, details: { email, reason } },
      deps.clock(),
    );
    return new DomainError('UNAUTHENTICATED', INVALID);
  };
  if (!user?.passwordHash || user.disabled) {
    await deps.hasher.verifyDummy(password);
    throw await fail(!user ? 'unknown_email' : user.disabled ? 'disabled' : 'no_password');
  }
  if (!(await deps.hasher.verify(user.passwordHash, password))) throw await fail('wrong_password');

  await deps.loginLimits.forgive(key);
  if (deps.hasher.needsRehash(user.passwordHash)) await rehash(deps, user.id, user.version, password);
  return openSession(deps, withoutSecret(user), [
    { type: 'login.succeeded', actorId: user.id, subjectId: user.id, ip, details: {} },
  ]);
}

/** Upgrades a hash made with older parameters; losing the race to a concurrent change is harmless. */
async function rehash(deps: UsersDeps, id: string, version: number, password: string): Promise<void> {
  const at = deps.clock();
  await deps.users.apply({
    id,
    expectedVersion: version,
    fields: { passwordHash: await deps.hasher.hash(password) },
    adminMembership: 'keep',
    guardLastAdmin: false,
    writes: { events: [], audit: [] },
    at,
  });
}
