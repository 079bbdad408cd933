import type { Logger } from '@polystatus/kit';
import type { Keyring } from '../crypto/keyring.ts';
import type { PasswordHasher } from '../crypto/password-hasher.ts';
import type { VerifiedTokenCache } from '../crypto/verified-token-cache.ts';
import type { ApiTokenStore } from '../store/api-token-store.ts';
import type { AuditStore } from '../store/audit-store.ts';
import type { LoginLimitStore } from '../store/login-limit-store.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { UserStore } from '../store/user-store.ts';

export interface UsersSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginWindowSeconds: number;
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
}

/** Everything a service verb may use; built once in server.ts, shared by every request. */
export interface UsersDeps {
  users: UserStore;
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  audit: AuditStore;
  loginLimits: LoginLimitStore;
  keyring: Keyring;
  hasher: PasswordHasher;
  /** Access tokens whose signature was already verified (per process). */
  verifiedTokens: VerifiedTokenCache;
  settings: UsersSettings;
  /** Epoch milliseconds; tests pass their own to move time. */
  clock: () => number;
  logger: Logger;
}
