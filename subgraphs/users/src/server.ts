import { readFileSync } from 'node:fs';
import { createService, mountSubgraph, type ServiceParts } from '@polystatus/kit';
import type { UsersEnv } from './config.ts';
import type { UsersContext } from './context.ts';
import { createKeySealer } from './crypto/key-sealer.ts';
import { Keyring } from './crypto/keyring.ts';
import { createPasswordHasher, type PasswordHasher } from './crypto/password-hasher.ts';
import { VerifiedTokenCache } from './crypto/verified-token-cache.ts';
import { registerIntrospectRoute } from './http/introspect-route.ts';
import { registerJwksRoute } from './http/jwks-route.ts';
import { usersKeys } from './keys.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { bootstrapAdmin } from './service/bootstrap-admin.ts';
import type { UsersDeps } from './service/deps.ts';
import { startKeyring } from './service/start-keyring.ts';
import { ApiTokenStore } from './store/api-token-store.ts';
import { AuditStore } from './store/audit-store.ts';
import { LoginLimitStore } from './store/login-limit-store.ts';
import { SessionStore } from './store/session-store.ts';
import { SigningKeyStore } from './store/signing-key-store.ts';
import { UserStore } from './store/user-store.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Seams for tests: a clock to move time, a printer to capture generated admin credentials. */
export interface UsersServiceOptions {
  /** Epoch milliseconds. */
  clock?: () => number;
  print?: (text: string) => void;
  hasher?: PasswordHasher;
}

/** Grace on top of the access-token lifetime before a retired key is dropped, for clock skew between hosts. */
const KEY_RETENTION_GRACE_MS = 5 * 60_000;

/** Stores over the service's Redis connection, and the rest of what the service verbs use. */
function assembleDeps(env: UsersEnv, parts: ServiceParts, opts: UsersServiceOptions): UsersDeps {
  const redis = parts.redis!.client;
  const keys = usersKeys(env.REDIS_KEY_PREFIX);
  const limits = { auditMaxLen: env.AUDIT_LOG_MAXLEN };
  const clock = opts.clock ?? Date.now;
  return {
    users: new UserStore(redis, keys, limits),
    sessions: new SessionStore(redis, keys, limits),
    apiTokens: new ApiTokenStore(redis, keys, limits),
    audit: new AuditStore(redis, keys, limits),
    loginLimits: new LoginLimitStore(redis, keys),
    keyring: new Keyring({
      store: new SigningKeyStore(redis, keys, limits),
      // Development derives the encryption key from the internal secret; production refuses to start without one.
      sealer: createKeySealer(
        env.POLYSTATUS_KEY_ENCRYPTION_KEY ?? `dev-kek:${env.POLYSTATUS_INTERNAL_SECRET}`,
      ),
      retentionMs: env.ACCESS_TOKEN_TTL_SECONDS * 1000 + KEY_RETENTION_GRACE_MS,
      clock,
    }),
    hasher: opts.hasher ?? createPasswordHasher(),
    verifiedTokens: new VerifiedTokenCache(),
    settings: {
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      maxFailuresPerEmail: env.LOGIN_MAX_FAILURES_PER_EMAIL,
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
    },
    clock,
    logger: parts.logger,
  };
}

/**
 * Assembles the users service: stores over the kit's Redis, the signing keyring (creating the first key on a
 * fresh Redis), the first admin, the subgraph at /graphql, JWKS and the internal introspection route.
 */
export async function buildUsersService(env: UsersEnv, opts: UsersServiceOptions = {}) {
  let deps: UsersDeps | undefined;
  const setup = async (parts: ServiceParts) => {
    const d = assembleDeps(env, parts, opts);
    await startKeyring(d, { derivedEncryptionKey: !env.POLYSTATUS_KEY_ENCRYPTION_KEY });
    await bootstrapAdmin(d, {
      email: env.POLYSTATUS_ADMIN_EMAIL,
      password: env.POLYSTATUS_ADMIN_PASSWORD,
      production: env.NODE_ENV === 'production',
      generate: env.POLYSTATUS_ADMIN_GENERATE,
      ...(opts.print ? { print: opts.print } : {}),
    });
    await mountSubgraph<UsersContext>({
      app: parts.app,
      typeDefs,
      resolvers,
      metrics: parts.metrics,
      logger: parts.logger,
      internalSecret: env.POLYSTATUS_INTERNAL_SECRET,
      extendContext: (base) => ({ ...base, deps: d, loaders: createLoaders(d.users) }),
      landingPage: env.GRAPHQL_LANDING_PAGE,
    });
    registerJwksRoute(parts.app, d.keyring);
    registerIntrospectRoute(parts.app, d, env.POLYSTATUS_INTERNAL_SECRET);
    deps = d;
  };
  const service = await createService(
    { name: 'users', env, port: env.PORT, useRedis: true },
    async (parts) => {
      try {
        await setup(parts);
      } catch (err) {
        // A failed start (keys that cannot be opened, no admin credentials in production) must not leave Redis open.
        await parts.redis?.close();
        throw err;
      }
    },
  );
  return { ...service, deps: deps! };
}

export type UsersService = Awaited<ReturnType<typeof buildUsersService>>;
