import {
  IDENTITY_HEADER,
  INTROSPECTION_PATH,
  type Principal,
  type Role,
  signIdentity,
  systemPrincipal,
} from '@polystatus/kit';
import {
  deletePrefix,
  identityHeaders,
  TEST_INTERNAL_SECRET,
  TEST_REDIS_URL,
  testRedis,
  uniquePrefix,
} from '@polystatus/kit/testing';
import { loadUsersEnv } from '../config.ts';
import { buildUsersService, type UsersService, type UsersServiceOptions } from '../server.ts';

export const ADMIN_EMAIL = 'root@example.com';
export const ADMIN_PASSWORD = 'correct horse battery staple 42';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions: { code: string; details?: { field: string }[]; retryAfter?: number };
  }[];
}

/** Who a test request acts as: a principal the gateway would have signed, or nobody. */
export type As = (Partial<Principal> & { role: Role }) | { kind: 'anonymous'; ip?: string } | undefined;

/**
 * One users service on port 0 under its own key prefix, spoken to over HTTP exactly as the gateway would.
 * `env` overrides go through the real config loader.
 */
export async function startUsers(
  opts: { prefix?: string; env?: Record<string, string>; service?: UsersServiceOptions } = {},
) {
  const prefix = opts.prefix ?? uniquePrefix('users');
  const env = loadUsersEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
    POLYSTATUS_ADMIN_EMAIL: ADMIN_EMAIL,
    POLYSTATUS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...opts.env,
  });
  const service: UsersService = await buildUsersService(env, opts.service);
  const url = await service.listen();

  const headersFor = (as: As): Record<string, string> => {
    if (!as) return {};
    if (as.kind === 'anonymous') {
      const p: Principal = { kind: 'anonymous', id: null, role: null, ...(as.ip ? { ip: as.ip } : {}) };
      return { [IDENTITY_HEADER]: signIdentity(p, TEST_INTERNAL_SECRET) };
    }
    return identityHeaders(as);
  };

  return {
    url,
    prefix,
    service,
    deps: service.deps,
    async gql<T = Record<string, unknown>>(
      query: string,
      variables: object = {},
      as?: As,
    ): Promise<GqlResult<T>> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headersFor(as) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<T>;
    },
    /** The gateway's question: who is this bearer token, right now? */
    async introspect(token: string, caller: Principal = systemPrincipal('gateway')) {
      const res = await fetch(`${url}${INTROSPECTION_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity(caller, TEST_INTERNAL_SECRET),
        },
        body: JSON.stringify({ token }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async close() {
      await service.close();
    },
  };
}

export type UsersHarness = Awaited<ReturnType<typeof startUsers>>;

export async function cleanup(prefix: string): Promise<void> {
  const redis = testRedis();
  try {
    await deletePrefix(redis, prefix);
  } finally {
    await redis.quit();
  }
}

/** The first error's code, or 'OK'. */
export const codeOf = (r: GqlResult<unknown>): string => r.errors?.[0]?.extensions.code ?? 'OK';
export const fieldsOf = (r: GqlResult<unknown>): string[] =>
  (r.errors?.[0]?.extensions.details ?? []).map((d) => d.field);

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken expiresIn tokenType user { id role } }
}`;

export interface LoginData {
  login: {
    accessToken: string;
    refreshToken: string;
    expiresIn: number;
    tokenType: string;
    user: { id: string; role: string };
  };
}
