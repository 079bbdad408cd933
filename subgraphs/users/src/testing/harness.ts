import {
  IDENTITY_HEADER,
  INTROSPECTION_PATH,
  type Principal,
  signIdentity,
  systemPrincipal,
} from '@polystatus/kit';
import {
  type StartSubgraphOptions,
  type SubgraphHarness,
  startSubgraph,
  TEST_INTERNAL_SECRET,
} from '@polystatus/kit/testing';
import { loadUsersEnv } from '../config.ts';
import { buildUsersService, type UsersService, type UsersServiceOptions } from '../server.ts';

/** The first admin every test service creates on start (a fresh prefix has no users). */
export const ADMIN_EMAIL = 'root@example.com';
export const ADMIN_PASSWORD = 'correct horse battery staple 42';

export interface UsersHarness extends SubgraphHarness<UsersService> {
  /** The running service's stores and settings, for checks that GraphQL does not show (audit, hashes). */
  deps: UsersService['deps'];
  /** The gateway's question: who is this bearer token, right now? */
  introspect(token: string, caller?: Principal): Promise<{ status: number; body: Record<string, unknown> }>;
}

/**
 * The real users service through the kit harness, with a first admin. `service` holds the seams of
 * buildUsersService (a clock, a printer for generated credentials, a password hasher).
 */
export async function startUsers(
  opts: StartSubgraphOptions & { service?: UsersServiceOptions } = {},
): Promise<UsersHarness> {
  const harness = await startSubgraph({
    label: 'users',
    ...opts,
    env: { POLYSTATUS_ADMIN_EMAIL: ADMIN_EMAIL, POLYSTATUS_ADMIN_PASSWORD: ADMIN_PASSWORD, ...opts.env },
    build: (env) => buildUsersService(loadUsersEnv(env), opts.service),
  });
  return {
    ...harness,
    deps: harness.service.deps,
    async introspect(token, caller = systemPrincipal('gateway')) {
      const res = await fetch(`${harness.url}${INTROSPECTION_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity(caller, TEST_INTERNAL_SECRET),
        },
        body: JSON.stringify({ token }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

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
