import { bool, EnvError, loadEnv, port } from '@polystatus/kit';
import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** `VAR=` (as compose files write for "not set") counts as absent, not as an empty value. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const usersEnv = {
  PORT: port(4001),
  /**
   * Admin created on the first start when no admin exists. In production a first start without them is refused
   * (see service/bootstrap-admin.ts); once an admin exists they are ignored.
   */
  POLYSTATUS_ADMIN_EMAIL: optional(z.string()),
  POLYSTATUS_ADMIN_PASSWORD: optional(z.string()),
  /**
   * With no admin chosen, generate the first one and print its credentials once, also in production (what
   * `npm start` asks for a local install; an image without it refuses to start with no admin chosen).
   */
  POLYSTATUS_ADMIN_GENERATE: bool(false),
  /**
   * Encrypts the JWT signing keys at rest (AES-256-GCM; the AES key is derived from this value with HKDF). Required
   * in production; development derives one from POLYSTATUS_INTERNAL_SECRET so a checkout starts with no setup.
   */
  POLYSTATUS_KEY_ENCRYPTION_KEY: optional(z.string().min(32)),
  ACCESS_TOKEN_TTL_SECONDS: seconds(600),
  /** Absolute lifetime of a login session (a refresh-token family); rotation does not extend it. */
  REFRESH_TOKEN_TTL_SECONDS: seconds(30 * 24 * 3600),
  LOGIN_WINDOW_SECONDS: seconds(15 * 60),
  /** Failed logins allowed per email, then per client address, within the window. */
  LOGIN_MAX_FAILURES_PER_EMAIL: seconds(10),
  LOGIN_MAX_FAILURES_PER_IP: seconds(50),
  AUDIT_LOG_MAXLEN: seconds(100_000),
  GRAPHQL_LANDING_PAGE: bool(false),
};

export type UsersEnv = ReturnType<typeof loadUsersEnv>;

/** Reads and checks the users service's environment once; every problem is reported together. */
export function loadUsersEnv(source: NodeJS.ProcessEnv = process.env) {
  const env = loadEnv(usersEnv, source);
  if (env.NODE_ENV === 'production') {
    if (!env.POLYSTATUS_KEY_ENCRYPTION_KEY) {
      throw new EnvError([
        'POLYSTATUS_KEY_ENCRYPTION_KEY: must be set in production (encrypts the JWT signing keys)',
      ]);
    }
  }
  return env;
}
