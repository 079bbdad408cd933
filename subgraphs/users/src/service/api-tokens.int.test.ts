import { envelopeFromFields } from '@polystatus/kit';
import { codeOf, fieldsOf, testRedis } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersKeys } from '../keys.ts';
import { ADMIN_EMAIL, startUsers, type UsersHarness } from '../testing/harness.ts';

const CREATE_TOKEN = `mutation T($i: CreateApiTokenInput!) {
  createApiToken(input: $i) { token apiToken { id name prefix role ownerId createdAt expiresAt revoked owner { email } } }
}`;
const LIST = `{ apiTokens(first: 50) { nodes { id name prefix role createdAt lastUsedAt revokedAt revoked } } }`;
const REVOKE = `mutation R($id: ID!) { revokeApiToken(id: $id) { id revoked revokedAt } }`;

interface Created {
  createApiToken: {
    token: string;
    apiToken: { id: string; prefix: string; role: string; revoked: boolean; owner: { email: string } };
  };
}

let h: UsersHarness;
let adminId: string;
const admin = () => ({ id: adminId, role: 'admin' as const });
const redis = testRedis();

beforeAll(async () => {
  h = await startUsers();
  adminId = (await h.deps.users.getByEmail(ADMIN_EMAIL))!.id;
});
afterAll(async () => {
  await h.close();
  await redis.quit();
});

/** Every string value stored under the test's prefix, to prove what is (not) in Redis. */
async function everythingStored(): Promise<string> {
  const keys = await redis.keys(`${h.prefix}:*`);
  const parts: string[] = [...keys];
  for (const key of keys) {
    const type = await redis.type(key);
    if (type === 'string') parts.push((await redis.get(key)) ?? '');
    if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
    if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
  }
  return parts.join('\n');
}

describe('API tokens', () => {
  it('returns a ps_ token once, stores only its hash, and introspects it as the owner with the token role', async () => {
    const r = await h.gql<Created>(CREATE_TOKEN, { i: { name: 'ci deploys', role: 'RESPONDER' } }, admin());
    expect(r.errors).toBeUndefined();
    const { token, apiToken } = r.data!.createApiToken;
    expect(token).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      prefix: token.slice(0, 9),
      role: 'RESPONDER',
      revoked: false,
      owner: { email: ADMIN_EMAIL },
    });
    expect(await everythingStored()).not.toContain(token.slice(3));

    const list = await h.gql<{ apiTokens: { nodes: { id: string; name: string; prefix: string }[] } }>(
      LIST,
      {},
      admin(),
    );
    expect(list.data!.apiTokens.nodes).toEqual([
      expect.objectContaining({ id: apiToken.id, name: 'ci deploys', prefix: apiToken.prefix }),
    ]);
    expect(JSON.stringify(list)).not.toContain(token);

    expect(await h.introspect(token)).toEqual({
      status: 200,
      body: { kind: 'token', id: adminId, role: 'responder', tokenId: apiToken.id },
    });
  });

  it('is admin-only: other roles get FORBIDDEN and nothing is created', async () => {
    for (const role of ['viewer', 'responder', 'manager'] as const) {
      expect(codeOf(await h.gql(CREATE_TOKEN, { i: { name: 'x', role: 'VIEWER' } }, { role }))).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await h.gql(LIST, {}, { role }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await h.gql(CREATE_TOKEN, { i: { name: 'x', role: 'VIEWER' } }))).toBe('UNAUTHENTICATED');
    const list = await h.gql<{ apiTokens: { nodes: unknown[] } }>(LIST, {}, admin());
    expect(list.data!.apiTokens.nodes).toHaveLength(1);
  });

  it('validates name and expiry, naming the fields', async () => {
    const r = await h.gql(
      CREATE_TOKEN,
      { i: { name: ' ', role: 'VIEWER', expiresAt: '2001-01-01T00:00:00Z' } },
      admin(),
    );
    expect(codeOf(r)).toBe('VALIDATION');
    expect(fieldsOf(r).sort()).toEqual(['expiresAt', 'name']);
  });

  it('revoke stops the token at once, is idempotent, and is audited and published', async () => {
    const { token, apiToken } = (
      await h.gql<Created>(CREATE_TOKEN, { i: { name: 'temp', role: 'VIEWER' } }, admin())
    ).data!.createApiToken;
    expect((await h.introspect(token)).status).toBe(200);
    const r = await h.gql<{ revokeApiToken: { revoked: boolean } }>(REVOKE, { id: apiToken.id }, admin());
    expect(r.data!.revokeApiToken.revoked).toBe(true);
    expect((await h.introspect(token)).status).toBe(401);
    expect(codeOf(await h.gql(REVOKE, { id: apiToken.id }, admin()))).toBe('OK');
    expect(codeOf(await h.gql(REVOKE, { id: 'nope' }, admin()))).toBe('NOT_FOUND');

    const audit = (await h.deps.audit.page(null, 10))
      .filter((e) => e.subjectId === apiToken.id)
      .map((e) => e.type);
    expect(audit).toEqual(['token.revoked', 'token.created']);
    const events = (await redis.xrange(usersKeys(h.prefix).events, '-', '+')).map(([, f]) =>
      envelopeFromFields(f),
    );
    expect(events.filter((e) => e.subject === apiToken.id).map((e) => e.type)).toEqual([
      'token.created',
      'token.revoked',
    ]);
  });

  it('expires on its own', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const { token } = (
      await h.gql<Created>(CREATE_TOKEN, { i: { name: 'short', role: 'VIEWER', expiresAt: soon } }, admin())
    ).data!.createApiToken;
    expect((await h.introspect(token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1700));
    expect((await h.introspect(token)).status).toBe(401);
  });

  it('never acts above its owner’s current role, and dies with a disabled owner', async () => {
    const owner = await h.gql<{ createUser: { id: string } }>(
      `mutation { createUser(input: { name: "Owner", email: "owner@example.com", role: ADMIN }) { id } }`,
      {},
      admin(),
    );
    const ownerId = owner.data!.createUser.id;
    const { token } = (
      await h.gql<Created>(
        CREATE_TOKEN,
        { i: { name: 'owned', role: 'ADMIN' } },
        { id: ownerId, role: 'admin' },
      )
    ).data!.createApiToken;
    expect((await h.introspect(token)).body.role).toBe('admin');
    await h.gql(`mutation { changeUserRole(id: "${ownerId}", role: RESPONDER) { id } }`, {}, admin());
    expect((await h.introspect(token)).body.role).toBe('responder');
    await h.gql(`mutation { disableUser(id: "${ownerId}") { id } }`, {}, admin());
    expect((await h.introspect(token)).status).toBe(401);
  });

  it('an API token cannot mint more API tokens', async () => {
    const r = await h.gql(
      CREATE_TOKEN,
      { i: { name: 'child', role: 'VIEWER' } },
      { kind: 'token', id: adminId, role: 'admin', tokenId: 't' },
    );
    expect(codeOf(r)).toBe('FORBIDDEN');
  });
});
