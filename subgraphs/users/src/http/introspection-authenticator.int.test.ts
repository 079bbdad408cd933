import { createServer } from 'node:net';
import { createIntrospectionAuthenticator, type DomainError } from '@polystatus/kit';
import { TEST_INTERNAL_SECRET } from '@polystatus/kit/testing';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  LOGIN,
  type LoginData,
  startUsers,
  type UsersHarness,
} from '../testing/harness.ts';

/** The kit's gateway-side authenticator, against the real introspection route. */
let h: UsersHarness;
let auth: ReturnType<typeof createIntrospectionAuthenticator>;

const codeOfFailure = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: DomainError) => e.code,
  );

beforeAll(async () => {
  h = await startUsers();
  auth = createIntrospectionAuthenticator({ usersServiceUrl: h.url, internalSecret: TEST_INTERNAL_SECRET });
});
afterAll(async () => {
  await auth.close();
  await h.close();
});

async function freePortWithNobodyListening(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('introspection authenticator', () => {
  it('no Authorization header is anonymous; a malformed one is UNAUTHENTICATED', async () => {
    expect(await auth.authenticate(undefined)).toMatchObject({ kind: 'anonymous', id: null });
    expect(await codeOfFailure(auth.authenticate('Basic abc'))).toBe('UNAUTHENTICATED');
  });

  it('turns a live access token into the user principal, and a dead one into UNAUTHENTICATED', async () => {
    const s = (await h.gql<LoginData>(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).data!.login;
    expect(await auth.authenticate(`Bearer ${s.accessToken}`)).toEqual({
      kind: 'user',
      id: s.user.id,
      role: 'admin',
      expiresAt: decodeJwt(s.accessToken).exp! * 1000,
    });
    await h.gql(`mutation L($t: String!) { logout(refreshToken: $t) }`, { t: s.refreshToken });
    expect(await codeOfFailure(auth.authenticate(`Bearer ${s.accessToken}`))).toBe('UNAUTHENTICATED');
    expect(await codeOfFailure(auth.authenticate('bearer ps_not-a-real-token'))).toBe('UNAUTHENTICATED');
  });

  it('is UNAVAILABLE when the users service cannot be reached, or refuses the caller', async () => {
    const port = await freePortWithNobodyListening();
    const down = createIntrospectionAuthenticator({
      usersServiceUrl: `http://127.0.0.1:${port}`,
      internalSecret: TEST_INTERNAL_SECRET,
    });
    const wrongSecret = createIntrospectionAuthenticator({
      usersServiceUrl: h.url,
      internalSecret: 'w'.repeat(40),
    });
    try {
      expect(await codeOfFailure(down.authenticate('Bearer x.y.z'))).toBe('UNAVAILABLE');
      expect(await codeOfFailure(wrongSecret.authenticate('Bearer x.y.z'))).toBe('UNAVAILABLE');
    } finally {
      await Promise.all([down.close(), wrongSecret.close()]);
    }
  });
});
