import { cleanupPrefix, codeOf, uniquePrefix } from '@polystatus/kit/testing';
import { decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, LOGIN, type LoginData, startUsers } from '../testing/harness.ts';

const prefix = uniquePrefix('users-keys');
afterAll(() => cleanupPrefix(prefix));

async function loginAdmin(h: Awaited<ReturnType<typeof startUsers>>) {
  return (await h.gql<LoginData>(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).data!.login;
}

describe('signing keys', () => {
  it('publishes a JWKS of Ed25519 public keys only', async () => {
    const h = await startUsers({ prefix });
    try {
      const res = await fetch(`${h.url}/.well-known/jwks.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('max-age');
      const jwks = (await res.json()) as { keys: Record<string, string>[] };
      expect(jwks.keys).toHaveLength(1);
      expect(Object.keys(jwks.keys[0]!).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    } finally {
      await h.close();
    }
  });

  it('survive a restart: a new instance on the same Redis verifies tokens the old one issued', async () => {
    const first = await startUsers({ prefix });
    const session = await loginAdmin(first);
    const jwksBefore = await (await fetch(`${first.url}/.well-known/jwks.json`)).json();
    await first.close();

    const second = await startUsers({ prefix });
    try {
      expect(await (await fetch(`${second.url}/.well-known/jwks.json`)).json()).toEqual(jwksBefore);
      expect((await second.introspect(session.accessToken)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('refuse to start with another key-encryption key (the stored keys cannot be opened)', async () => {
    await expect(
      startUsers({
        prefix,
        env: { POLYSTATUS_KEY_ENCRYPTION_KEY: 'a different key encryption key, 32+ chars' },
      }),
    ).rejects.toThrow(/cannot be decrypted/);
  });

  it('replace keys sealed under another development secret (no configured key-encryption key) and keep working', async () => {
    const devPrefix = uniquePrefix('users-devkeys');
    // Keys sealed under some other key; this instance derives its development key from the internal secret.
    const first = await startUsers({
      prefix: devPrefix,
      env: { POLYSTATUS_KEY_ENCRYPTION_KEY: 'the key a previous checkout derived, 32+ chars' },
    });
    const oldKid = decodeProtectedHeader((await loginAdmin(first)).accessToken).kid;
    await first.close();
    const second = await startUsers({ prefix: devPrefix, env: { POLYSTATUS_KEY_ENCRYPTION_KEY: '' } });
    try {
      const session = await loginAdmin(second);
      expect(decodeProtectedHeader(session.accessToken).kid).not.toBe(oldKid);
      expect((await second.introspect(session.accessToken)).status).toBe(200);
    } finally {
      await second.close();
      await cleanupPrefix(devPrefix);
    }
  });

  it('rotate: new tokens use the new key, old tokens keep verifying, both keys are published', async () => {
    const h = await startUsers({ prefix });
    try {
      const before = await loginAdmin(h);
      const adminId = (await h.deps.users.getByEmail(ADMIN_EMAIL))!.id;
      expect(codeOf(await h.gql(`mutation { rotateSigningKey { kid } }`, {}, { role: 'manager' }))).toBe(
        'FORBIDDEN',
      );
      const r = await h.gql<{ rotateSigningKey: { kid: string; alg: string } }>(
        `mutation { rotateSigningKey { kid alg createdAt } }`,
        {},
        { id: adminId, role: 'admin' },
      );
      const newKid = r.data!.rotateSigningKey.kid;
      const after = await loginAdmin(h);
      expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
      expect(decodeProtectedHeader(before.accessToken).kid).not.toBe(newKid);
      expect((await h.introspect(before.accessToken)).status).toBe(200);
      expect((await h.introspect(after.accessToken)).status).toBe(200);
      const jwks = (await (await fetch(`${h.url}/.well-known/jwks.json`)).json()) as {
        keys: { kid: string }[];
      };
      expect(jwks.keys.map((k) => k.kid)).toEqual([newKid, decodeProtectedHeader(before.accessToken).kid]);
      expect(
        (await h.deps.audit.page(null, 5)).some(
          (e) => e.type === 'signing_key.rotated' && e.subjectId === newKid,
        ),
      ).toBe(true);
    } finally {
      await h.close();
    }
  });
});
