import { envelopeFromFields } from '@polystatus/kit';
import { codeOf, fieldsOf, testRedis } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { usersKeys } from '../keys.ts';
import { ADMIN_EMAIL, startUsers, type UsersHarness } from '../testing/harness.ts';

const USER_FIELDS = 'id name email role team createdAt disabled hasPassword';
const CREATE = `mutation Create($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const ROLE = `mutation Role($id: ID!, $role: Role!) { changeUserRole(id: $id, role: $role) { id role } }`;
const GET = `query Get($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`;

interface U {
  id: string;
  name: string;
  email: string;
  role: string;
  team: string;
  createdAt: string;
  disabled: boolean;
  hasPassword: boolean;
}

let h: UsersHarness;
let adminId: string;
const admin = () => ({ id: adminId, role: 'admin' as const });
const redis = testRedis();

async function create(input: Record<string, unknown>): Promise<U> {
  const r = await h.gql<{ createUser: U }>(CREATE, { input }, admin());
  expect(r.errors).toBeUndefined();
  return r.data!.createUser;
}

beforeAll(async () => {
  h = await startUsers();
  adminId = (await h.deps.users.getByEmail(ADMIN_EMAIL))!.id;
});
afterAll(async () => {
  await h.close();
  await redis.quit();
});

describe('user CRUD', () => {
  it('creates a user, reads it back, and never exposes the password', async () => {
    const before = Date.now();
    const u = await create({
      name: ' Alice Dupont ',
      email: 'Alice@Example.com',
      role: 'MANAGER',
      team: 'SRE',
      password: 'violet tractor moon',
    });
    expect(u).toMatchObject({
      name: 'Alice Dupont',
      email: 'Alice@Example.com',
      role: 'MANAGER',
      team: 'SRE',
      disabled: false,
      hasPassword: true,
    });
    expect(u.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(u.createdAt)).toBeGreaterThanOrEqual(before - 5);
    const got = await h.gql<{ user: U }>(GET, { id: u.id }, { role: 'viewer' });
    expect(got.data!.user).toEqual(u);
    const body = JSON.stringify(
      await h.gql(`{ users(first: 200) { nodes { ${USER_FIELDS} } } }`, {}, admin()),
    );
    expect(body).not.toContain('argon2');
  });

  it('creates a user without a password (reference clients send none), defaulting role and team', async () => {
    const u = await create({ name: 'Bob', email: 'bob@example.com' });
    expect(u).toMatchObject({ role: 'VIEWER', team: '', hasPassword: false });
  });

  it('returns null for an unknown id', async () => {
    const r = await h.gql<{ user: U | null }>(GET, { id: 'nope' }, { role: 'viewer' });
    expect(r.data!.user).toBeNull();
  });

  it('refuses a duplicate email, compared case-insensitively, with CONFLICT naming email', async () => {
    await create({ name: 'Carol', email: 'carol@example.com' });
    const r = await h.gql(CREATE, { input: { name: 'Carol 2', email: ' CAROL@example.COM ' } }, admin());
    expect(codeOf(r)).toBe('CONFLICT');
    expect(fieldsOf(r)).toEqual(['email']);
  });

  it('reports bad input as VALIDATION naming each field', async () => {
    const r = await h.gql(
      CREATE,
      { input: { name: ' ', email: 'not-an-email', password: 'short' } },
      admin(),
    );
    expect(codeOf(r)).toBe('VALIDATION');
    expect(fieldsOf(r).sort()).toEqual(['email', 'name', 'password']);
    const weak = await h.gql(
      CREATE,
      { input: { name: 'D', email: 'd@example.com', password: 'password1234' } },
      admin(),
    );
    expect(fieldsOf(weak)).toEqual(['password']);
  });

  it('reports an unknown role or a wrong type as VALIDATION naming the field', async () => {
    const role = await h.gql(
      CREATE,
      { input: { name: 'E', email: 'e@example.com', role: 'SUPERUSER' } },
      admin(),
    );
    expect(codeOf(role)).toBe('VALIDATION');
    expect(fieldsOf(role)[0]).toContain('role');
    const type = await h.gql(CREATE, { input: { name: 42, email: 'e@example.com' } }, admin());
    expect(codeOf(type)).toBe('VALIDATION');
    expect(fieldsOf(type)[0]).toContain('name');
  });

  it('updates name, team and role (the reference PUT) and records the role change', async () => {
    const u = await create({ name: 'Frank', email: 'frank@example.com', role: 'VIEWER', team: 'Ops' });
    const r = await h.gql<{ updateUser: U }>(
      UPDATE,
      { id: u.id, input: { name: 'Franck', team: 'SRE', role: 'RESPONDER' } },
      admin(),
    );
    expect(r.data!.updateUser).toMatchObject({ name: 'Franck', team: 'SRE', role: 'RESPONDER' });
    const entries = await h.deps.audit.page(null, 10);
    expect(entries.find((e) => e.type === 'user.role_changed' && e.subjectId === u.id)).toMatchObject({
      actorId: adminId,
      details: { from: 'viewer', to: 'responder' },
    });
    const events = (await redis.xrange(usersKeys(h.prefix).events, '-', '+')).map(([, f]) =>
      envelopeFromFields(f),
    );
    expect(events.filter((e) => e.subject === u.id).map((e) => e.type)).toEqual([
      'user.created',
      'user.updated',
      'user.role_changed',
    ]);
    // The new name and team travel with the event (the incidents timeline names people from it).
    expect(events.find((e) => e.subject === u.id && e.type === 'user.updated')?.data).toEqual({
      fields: ['name', 'team', 'role'],
      name: 'Franck',
      team: 'SRE',
    });
  });

  it('is NOT_FOUND when updating an unknown user', async () => {
    expect(codeOf(await h.gql(UPDATE, { id: 'nope', input: { name: 'x' } }, admin()))).toBe('NOT_FOUND');
  });

  it('pages through users in creation order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: {
        data?: {
          users: { nodes: { email: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        } | null;
      } = await h.gql(
        `query P($after: String) { users(first: 2, after: $after) { nodes { email } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { role: 'viewer' },
      );
      seen.push(...r.data!.users.nodes.map((n) => n.email));
      if (!r.data!.users.pageInfo.hasNextPage) break;
      after = r.data!.users.pageInfo.endCursor;
    }
    const all = await h.gql<{ users: { nodes: { email: string }[] } }>(
      `{ users(first: 200) { nodes { email } } }`,
      {},
      { role: 'viewer' },
    );
    expect(seen).toEqual(all.data!.users.nodes.map((n) => n.email));
    expect(seen[0]).toBe(ADMIN_EMAIL);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });

  it('filters by role and by substring', async () => {
    const r = await h.gql<{ users: { nodes: { email: string; role: string }[] } }>(
      `{ users(filter: { role: MANAGER }) { nodes { email role } } }`,
      {},
      { role: 'viewer' },
    );
    expect(r.data!.users.nodes.map((n) => n.email)).toEqual(['Alice@Example.com']);
    const q = await h.gql<{ users: { nodes: { email: string }[] } }>(
      `{ users(filter: { q: "FRAN" }) { nodes { email } } }`,
      {},
      { role: 'viewer' },
    );
    expect(q.data!.users.nodes.map((n) => n.email)).toEqual(['frank@example.com']);
  });
});

describe('unique email under concurrent creates', () => {
  it('lets exactly one of 20 simultaneous creates with the same email win', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.gql(
          CREATE,
          { input: { name: `Racer ${i}`, email: i % 2 ? 'RACE@example.com' : 'race@example.com' } },
          admin(),
        ),
      ),
    );
    expect(results.filter((r) => codeOf(r) === 'OK')).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(19);
    const all = await h.gql<{ users: { nodes: { email: string }[] } }>(
      `{ users(first: 200, filter: { q: "race@" }) { nodes { email } } }`,
      {},
      admin(),
    );
    expect(all.data!.users.nodes).toHaveLength(1);
  });
});

describe('access matrix and role rules', () => {
  it('no identity: UNAUTHENTICATED; wrong role: FORBIDDEN; neither changes anything', async () => {
    const count = async () =>
      (await h.gql<{ users: { nodes: unknown[] } }>(`{ users(first: 200) { nodes { id } } }`, {}, admin()))
        .data!.users.nodes.length;
    const before = await count();
    expect(codeOf(await h.gql(`{ users { nodes { id } } }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(CREATE, { input: { name: 'Z', email: 'z@example.com' } }))).toBe(
      'UNAUTHENTICATED',
    );
    for (const role of ['viewer', 'responder', 'manager'] as const) {
      expect(codeOf(await h.gql(CREATE, { input: { name: 'Z', email: 'z@example.com' } }, { role }))).toBe(
        'FORBIDDEN',
      );
    }
    expect(codeOf(await h.gql(`{ auditLog { nodes { id } } }`, {}, { role: 'manager' }))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('a non-admin raising their own role gets FORBIDDEN and keeps their role', async () => {
    const u = await create({ name: 'Grace', email: 'grace@example.com', role: 'RESPONDER' });
    const me = { id: u.id, role: 'responder' as const };
    expect(codeOf(await h.gql(UPDATE, { id: u.id, input: { role: 'ADMIN' } }, me))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(UPDATE, { id: u.id, input: { role: 'MANAGER', name: 'Gracie' } }, me))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await h.gql(ROLE, { id: u.id, role: 'ADMIN' }, me))).toBe('FORBIDDEN');
    const after = await h.gql<{ user: U }>(GET, { id: u.id }, me);
    expect(after.data!.user).toMatchObject({ role: 'RESPONDER', name: 'Grace' });
  });

  it('a user may change their own name and team, not someone else’s', async () => {
    const u = await create({ name: 'Heidi', email: 'heidi@example.com', role: 'MANAGER' });
    const other = await create({ name: 'Ivan', email: 'ivan@example.com' });
    const me = { id: u.id, role: 'manager' as const };
    const r = await h.gql<{ updateUser: U }>(
      UPDATE,
      { id: u.id, input: { name: 'Heidi K', team: 'Platform', role: 'MANAGER' } },
      me,
    );
    expect(r.data!.updateUser).toMatchObject({ name: 'Heidi K', team: 'Platform', role: 'MANAGER' });
    expect(codeOf(await h.gql(UPDATE, { id: other.id, input: { name: 'x' } }, me))).toBe('FORBIDDEN');
  });

  it('a demoted principal loses admin powers at once, even with a stale admin identity', async () => {
    const u = await create({ name: 'Judy', email: 'judy@example.com', role: 'ADMIN' });
    await h.gql(ROLE, { id: u.id, role: 'VIEWER' }, admin());
    const stale = { id: u.id, role: 'admin' as const };
    expect(codeOf(await h.gql(CREATE, { input: { name: 'K', email: 'k@example.com' } }, stale))).toBe(
      'FORBIDDEN',
    );
  });

  it('never removes the last enabled admin, and an admin cannot disable themselves', async () => {
    const admins = await h.gql<{ users: { nodes: { id: string }[] } }>(
      `{ users(first: 200, filter: { role: ADMIN, disabled: false }) { nodes { id } } }`,
      {},
      admin(),
    );
    for (const { id } of admins.data!.users.nodes.filter((n) => n.id !== adminId)) {
      await h.gql(ROLE, { id, role: 'MANAGER' }, admin());
    }
    const demote = await h.gql(ROLE, { id: adminId, role: 'MANAGER' }, admin());
    expect(codeOf(demote)).toBe('CONFLICT');
    expect(codeOf(await h.gql(`mutation { disableUser(id: "${adminId}") { id } }`, {}, admin()))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await h.gql(
          `mutation { disableUser(id: "${adminId}") { id } }`,
          {},
          { kind: 'system', id: 'ops', role: 'admin' },
        ),
      ),
    ).toBe('CONFLICT');
    expect((await h.deps.users.get(adminId))!).toMatchObject({ role: 'admin', disabled: false });
  });

  it('disables and enables a user, auditing both', async () => {
    const u = await create({ name: 'Leo', email: 'leo@example.com' });
    const d = await h.gql<{ disableUser: U }>(
      `mutation { disableUser(id: "${u.id}") { disabled } }`,
      {},
      admin(),
    );
    expect(d.data!.disableUser.disabled).toBe(true);
    const e = await h.gql<{ enableUser: U }>(
      `mutation { enableUser(id: "${u.id}") { disabled } }`,
      {},
      admin(),
    );
    expect(e.data!.enableUser.disabled).toBe(false);
    const types = (await h.deps.audit.page(null, 20)).filter((a) => a.subjectId === u.id).map((a) => a.type);
    expect(types).toEqual(['user.enabled', 'user.disabled', 'user.created']);
  });
});

describe('User entity', () => {
  it('resolves N references with one batched read', async () => {
    const users = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => create({ name: `Ref ${i}`, email: `ref${i}@example.com` })),
    );
    const spy = vi.spyOn(h.deps.users, 'getMany');
    const reps = [
      ...users.map((u) => ({ __typename: 'User', id: u.id })),
      { __typename: 'User', id: 'missing' },
    ];
    const r = await h.gql<{ _entities: ({ id: string; name: string } | null)[] }>(
      `query E($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id name } } }`,
      { reps },
      { role: 'viewer' },
    );
    expect(r.data!._entities.map((e) => e?.name ?? null)).toEqual([...users.map((u) => u.name), null]);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
