import { createHash } from 'node:crypto';
import { domainEventStream } from '@polystatus/kit';

/** Identifiers supplied by clients (emails, addresses) are hashed into keys so key names stay short and safe. */
const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Every Redis key of the users domain. Nothing else builds key strings; the README lists each key's type and purpose.
 */
export function usersKeys(prefix: string) {
  const p = `${prefix}:users`;
  return {
    /** HASH: one user (see domain/user.ts for the fields). */
    user: (id: string) => `${p}:user:${id}`,
    /** HASH: lower-cased email → user id. HSETNX on it is what makes emails unique. */
    emailIndex: `${p}:email-index`,
    /** ZSET: user ids scored by creation time (ms); the order of `users` listings. */
    byCreated: `${p}:by-created`,
    /** SET: ids of enabled admins, so "never remove the last admin" is one SCARD inside the changing script. */
    admins: `${p}:admins`,
    /** HASH: one login session, i.e. a refresh-token family. */
    session: (sid: string) => `${p}:session:${sid}`,
    /** SET: hashes of the refresh tokens of a session already rotated away; presenting one again is reuse. */
    sessionUsed: (sid: string) => `${p}:session:${sid}:used`,
    /** HASH: one API token's metadata (never the token). */
    apiToken: (id: string) => `${p}:api-token:${id}`,
    /** STRING: SHA-256 of an API token → the token's id. */
    apiTokenByHash: (hash: string) => `${p}:api-token-hash:${hash}`,
    /** ZSET: API token ids scored by creation time (ms). */
    apiTokens: `${p}:api-tokens`,
    /** HASH: key id → JSON record of a JWT signing key (private half sealed with AES-256-GCM). */
    signingKeys: `${p}:signing-keys`,
    /** STRING: the key id new tokens are signed with. */
    activeSigningKey: `${p}:signing-key:active`,
    /** STRING with TTL: failed-login counter for one email within the window. */
    loginFailuresByEmail: (emailLower: string) => `${p}:login-failures:email:${digest(emailLower)}`,
    /** STRING with TTL: failed-login counter for one client address within the window. */
    loginFailuresByIp: (ip: string) => `${p}:login-failures:ip:${digest(ip)}`,
    /** STRING with TTL: held by the replica creating the first admin. */
    bootstrapLock: `${p}:bootstrap-lock`,
    /** STREAM: security audit log (capped). */
    audit: `${p}:audit`,
    /** STREAM: domain events in the kit envelope (capped). */
    events: domainEventStream(prefix, 'users'),
  };
}

export type UsersKeys = ReturnType<typeof usersKeys>;
