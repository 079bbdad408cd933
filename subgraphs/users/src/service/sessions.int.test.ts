import { codeOf } from '@polystatus/kit/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  LOGIN,
  type LoginData,
  startUsers,
  type UsersHarness,
} from '../testing/harness.ts';

const REFRESH = `mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken expiresIn user { id } } }`;
const LOGOUT = `mutation L($t: String!) { logout(refreshToken: $t) }`;
const PASSWORD = 'saffron kettle orbit';

let h: UsersHarness;
let adminId: string;
const admin = () => ({ id: adminId, role: 'admin' as const });

async function newUser(email: string, role = 'RESPONDER'): Promise<string> {
  const r = await h.gql<{ createUser: { id: string } }>(
    `mutation C($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { name: email.split('@')[0], email, role, password: PASSWORD } },
    admin(),
  );
  return r.data!.createUser.id;
}

async function login(email: string, password = PASSWORD, ip?: string) {
  return h.gql<LoginData>(LOGIN, { email, password }, { kind: 'anonymous', ...(ip ? { ip } : {}) });
}

beforeAll(async () => {
  h = await startUsers({
    env: { LOGIN_MAX_FAILURES_PER_EMAIL: '3', LOGIN_MAX_FAILURES_PER_IP: '6', LOGIN_WINDOW_SECONDS: '60' },
  });
  adminId = (await h.deps.users.getByEmail(ADMIN_EMAIL))!.id;
});
afterAll(async () => {
  await h.close();
});

describe('login', () => {
  it('issues an EdDSA access token with sub, role, sid, exp and a refresh token', async () => {
    const r = await login(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    expect(r.errors).toBeUndefined();
    const { accessToken, refreshToken, expiresIn, tokenType, user } = r.data!.login;
    expect({ expiresIn, tokenType, role: user.role }).toEqual({
      expiresIn: 600,
      tokenType: 'Bearer',
      role: 'ADMIN',
    });
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt' });
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({ sub: adminId, role: 'admin', iss: 'polystatus-users', aud: 'polystatus' });
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(refreshToken.startsWith(`${claims.sid}.`)).toBe(true);
    // The principal says when it stops being valid: the access token's expiry.
    expect(await h.introspect(accessToken)).toEqual({
      status: 200,
      body: { kind: 'user', id: adminId, role: 'admin', expiresAt: claims.exp! * 1000 },
    });
  });

  it('answers every bad credential the same way, after one password verification each, and audits it', async () => {
    const id = await newUser('nopass@example.com');
    await h.gql(
      `mutation { createUser(input: { name: "np", email: "nopw@example.com" }) { id } }`,
      {},
      admin(),
    );
    // An unknown email or one without a password is verified against a dummy hash: every failure costs one
    // Argon2 verification, so the response time does not tell which emails have accounts.
    const verify = vi.spyOn(h.deps.hasher, 'verify');
    const attempt = async (email: string) => {
      verify.mockClear();
      const r = await login(email, 'not the password!');
      expect(verify, email).toHaveBeenCalledTimes(1);
      return r;
    };
    const wrong = await attempt('nopass@example.com');
    const unknown = await attempt('nobody@example.com');
    const noPassword = await attempt('nopw@example.com');
    verify.mockRestore();
    for (const r of [wrong, unknown, noPassword]) {
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.errors![0]!.message).toBe('invalid email or password');
    }
    const failures = (await h.deps.audit.page(null, 20)).filter((e) => e.type === 'login.failed');
    expect(failures.map((f) => f.details.reason)).toEqual(
      expect.arrayContaining(['wrong_password', 'unknown_email', 'no_password']),
    );
    expect(failures.find((f) => f.details.reason === 'wrong_password')!.subjectId).toBe(id);
    expect(JSON.stringify(failures)).not.toContain('not the password');
  });

  it('requires a password: an email alone is refused as VALIDATION naming password', async () => {
    const r = await login('nopass@example.com', '');
    expect(codeOf(r)).toBe('VALIDATION');
    expect(r.errors![0]!.extensions.details!.map((d) => d.field)).toEqual(['password']);
  });
});

describe('brute force', () => {
  it('blocks an email after repeated failures with RATE_LIMITED and retryAfter, even for the right password', async () => {
    await newUser('target@example.com');
    for (let i = 0; i < 3; i++)
      expect(codeOf(await login('target@example.com', 'wrong guess number'))).toBe('UNAUTHENTICATED');
    const blocked = await login('target@example.com');
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    const retryAfter = blocked.errors![0]!.extensions.retryAfter!;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(
      (await h.deps.audit.page(null, 5)).some(
        (e) => e.type === 'login.blocked' && e.details.email === 'target@example.com',
      ),
    ).toBe(true);
  });

  it('blocks one client address across many emails, and only that address', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 6; i++) await login(`spray${i}@example.com`, 'wrong guess number', ip);
    expect(codeOf(await login('spray-next@example.com', 'wrong guess number', ip))).toBe('RATE_LIMITED');
    expect(codeOf(await login('spray-next@example.com', 'wrong guess number', '198.51.100.9'))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('counts attempts before checking, so parallel guesses cannot exceed the limit', async () => {
    await newUser('parallel@example.com');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => login('parallel@example.com', 'wrong guess number')),
    );
    expect(results.filter((r) => codeOf(r) === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(results.filter((r) => codeOf(r) === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('refuses an oversized email before counting or auditing it', async () => {
    const r = await login(`${'x'.repeat(300)}@example.com`, 'whatever password');
    expect(r.errors?.[0]?.extensions.details?.map((d) => d.field)).toEqual(['email']);
  });

  it('a successful login resets the email counter', async () => {
    await newUser('forgiven@example.com');
    await login('forgiven@example.com', 'wrong guess number');
    await login('forgiven@example.com', 'wrong guess number');
    expect(codeOf(await login('forgiven@example.com'))).toBe('OK');
    await login('forgiven@example.com', 'wrong guess number');
    await login('forgiven@example.com', 'wrong guess number');
    expect(codeOf(await login('forgiven@example.com'))).toBe('OK');
  });
});

describe('refresh rotation and reuse detection', () => {
  it('rotates: each refresh returns a new token; replaying a spent one revokes the whole session', async () => {
    await newUser('rotor@example.com');
    const first = (await login('rotor@example.com')).data!.login;
    const second = (await h.gql<{ refreshSession: LoginData['login'] }>(REFRESH, { t: first.refreshToken }))
      .data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(decodeJwt(second.accessToken).sid).toBe(decodeJwt(first.accessToken).sid);
    expect((await h.introspect(second.accessToken)).status).toBe(200);

    const replay = await h.gql(REFRESH, { t: first.refreshToken });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors![0]!.message).toContain('reuse');
    // The legitimate holder's newer token and every access token of the session are dead too.
    expect(codeOf(await h.gql(REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await h.introspect(second.accessToken)).status).toBe(401);
    expect((await h.introspect(first.accessToken)).status).toBe(401);
    const audit = await h.deps.audit.page(null, 5);
    expect(audit.some((e) => e.type === 'session.reuse_detected')).toBe(true);
  });

  it('refuses garbage and unknown refresh tokens', async () => {
    expect(codeOf(await h.gql(REFRESH, { t: 'garbage' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(REFRESH, { t: 'AAAAAAAAAAAAAAAAAAAAAA.secret' }))).toBe('UNAUTHENTICATED');
  });

  it('logout ends the session and its access tokens at once', async () => {
    await newUser('leaver@example.com');
    const s = (await login('leaver@example.com')).data!.login;
    expect((await h.gql<{ logout: boolean }>(LOGOUT, { t: s.refreshToken })).data!.logout).toBe(true);
    expect((await h.introspect(s.accessToken)).status).toBe(401);
    expect(codeOf(await h.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
  });
});

describe('introspection reflects the present state', () => {
  it('a demotion is effective at once', async () => {
    const id = await newUser('demoted@example.com', 'MANAGER');
    const s = (await login('demoted@example.com')).data!.login;
    expect((await h.introspect(s.accessToken)).body.role).toBe('manager');
    await h.gql(`mutation { changeUserRole(id: "${id}", role: VIEWER) { id } }`, {}, admin());
    expect((await h.introspect(s.accessToken)).body).toMatchObject({ kind: 'user', id, role: 'viewer' });
  });

  it('a disabled user’s token stops working at once, and stays dead after re-enabling', async () => {
    const id = await newUser('suspended@example.com');
    const s = (await login('suspended@example.com')).data!.login;
    await h.gql(`mutation { disableUser(id: "${id}") { id } }`, {}, admin());
    expect((await h.introspect(s.accessToken)).status).toBe(401);
    expect(codeOf(await login('suspended@example.com'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    await h.gql(`mutation { enableUser(id: "${id}") { id } }`, {}, admin());
    expect((await h.introspect(s.accessToken)).status).toBe(401);
    expect(codeOf(await login('suspended@example.com'))).toBe('OK');
  });

  it('a password change ends existing sessions and needs the current password', async () => {
    const id = await newUser('changer@example.com');
    const s = (await login('changer@example.com')).data!.login;
    const me = { id, role: 'responder' as const };
    const UPDATE = `mutation U($i: UpdateUserInput!) { updateUser(id: "${id}", input: $i) { id } }`;
    expect(codeOf(await h.gql(UPDATE, { i: { password: 'brand new passphrase' } }, me))).toBe('FORBIDDEN');
    expect(
      codeOf(await h.gql(UPDATE, { i: { password: 'brand new passphrase', currentPassword: PASSWORD } }, me)),
    ).toBe('OK');
    expect((await h.introspect(s.accessToken)).status).toBe(401);
    expect(codeOf(await login('changer@example.com', 'brand new passphrase'))).toBe('OK');
  });

  it('refuses callers that are not PolyStatus processes (403) and junk tokens (401)', async () => {
    const s = (await login(ADMIN_EMAIL, ADMIN_PASSWORD)).data!.login;
    expect((await h.introspect(s.accessToken, { kind: 'user', id: adminId, role: 'admin' })).status).toBe(
      403,
    );
    expect((await h.introspect('not.a.jwt')).status).toBe(401);
    expect((await h.introspect('')).status).toBe(401);
    expect((await h.introspect(`${s.accessToken}${'x'.repeat(5000)}`)).status).toBe(401);
  });
});
