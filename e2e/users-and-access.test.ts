import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fieldsOf, graphql, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The users REST contract (every reference route, valid and invalid) and the access matrix of the identity
 * issue, through the real processes: REST adapters → gateway → subgraphs → Redis.
 */

const ROLES = ['viewer', 'responder', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];
const rank = (r: Role) => ROLES.indexOf(r);
const uid = () => randomBytes(4).toString('hex');
const strongPassword = () => `pw-${randomBytes(12).toString('hex')}`;

let stack: Stack;
let usersApi: string;
let incidentsApi: string;
let adminToken: string;
const tokens = {} as Record<Role, string>;
const ids = {} as Record<Role, string>;

async function login(
  email: string,
  password: string,
): Promise<{ token: string; user_id: string; refresh_token: string }> {
  const res = await call('POST', `${usersApi}/api/v1/auth/login`, { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function createUser(role: Role, extra: Record<string, unknown> = {}) {
  const email = `${role}-${uid()}@e2e.polystatus.test`;
  const password = strongPassword();
  const res = await call('POST', `${usersApi}/api/v1/users`, {
    token: adminToken,
    body: { name: `${role} person`, email, role, team: 'SRE', password, ...extra },
  });
  if (res.status !== 201) throw new Error(`create ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  return { user: res.body, email, password };
}

beforeAll(async () => {
  stack = await startStack({ env: { LOGIN_MAX_FAILURES_PER_EMAIL: '3' } });
  usersApi = stack.urls['rest-users']!;
  incidentsApi = stack.urls['rest-incidents']!;
  adminToken = (await login(stack.admin.email, stack.admin.password)).token;
  for (const role of ROLES) {
    const { user, email, password } = await createUser(role);
    ids[role] = user.id;
    tokens[role] = (await login(email, password)).token;
  }
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('users REST contract', () => {
  it('creates a user with 201 and the documented fields, never the password', async () => {
    const email = `Grace.${uid()}@Example.com`;
    const res = await call('POST', `${usersApi}/api/v1/users`, {
      token: adminToken,
      body: { name: 'Grace Hopper', email, role: 'manager', team: 'Platform' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Grace Hopper',
      role: 'manager',
      team: 'Platform',
      disabled: false,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isInteger(res.body.created_at)).toBe(true);
    expect(Math.abs(res.body.created_at - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);

    const fetched = await call('GET', `${usersApi}/api/v1/users/${res.body.id}`, { token: tokens.viewer });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(res.body);
  });

  it('refuses bad input with 400 naming the field, and stores nothing', async () => {
    const before = (await call('GET', `${usersApi}/api/v1/users`, { token: adminToken })).body.length;
    const cases: [Json, string][] = [
      [{ email: `a-${uid()}@example.com` }, 'name'],
      [{ name: 'No Email' }, 'email'],
      [{ name: '', email: `b-${uid()}@example.com` }, 'name'],
      [{ name: 'Bad Email', email: 'not-an-email' }, 'email'],
      [{ name: 'Bad Role', email: `c-${uid()}@example.com`, role: 'superuser' }, 'role'],
      [{ name: 'Weak', email: `d-${uid()}@example.com`, password: 'password' }, 'password'],
      [{ name: 42, email: `e-${uid()}@example.com` }, 'name'],
      [{ name: 'Typo', email: `f-${uid()}@example.com`, rol: 'admin' }, 'rol'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', `${usersApi}/api/v1/users`, { token: adminToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(fieldsOf(res), JSON.stringify(body)).toContain(field);
    }
    const malformed = await call('POST', `${usersApi}/api/v1/users`, { token: adminToken, raw: '{"name":' });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed)).toEqual(['body']);
    const after = (await call('GET', `${usersApi}/api/v1/users`, { token: adminToken })).body.length;
    expect(after).toBe(before);
  });

  it('answers a duplicate email, in any case, with 409', async () => {
    const email = `dup-${uid()}@example.com`;
    const first = await call('POST', `${usersApi}/api/v1/users`, {
      token: adminToken,
      body: { name: 'One', email },
    });
    expect(first.status).toBe(201);
    const again = await call('POST', `${usersApi}/api/v1/users`, {
      token: adminToken,
      body: { name: 'Two', email: email.toUpperCase() },
    });
    expect(again.status).toBe(409);
    expect(fieldsOf(again)).toEqual(['email']);
  });

  it('lists users and reads one; an unknown id is 404', async () => {
    const list = await call('GET', `${usersApi}/api/v1/users`, { token: tokens.viewer });
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body.map((u: Json) => u.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    // A page smaller than the list: the next page is announced, and following it continues the list.
    const page = await call('GET', `${usersApi}/api/v1/users?limit=2`, { token: tokens.viewer });
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(2);
    const next = page.headers.get('x-next-cursor');
    expect(page.headers.get('link')).toContain('rel="next"');
    const second = await call('GET', `${usersApi}/api/v1/users?limit=2&cursor=${encodeURIComponent(next!)}`, {
      token: tokens.viewer,
    });
    expect(second.status).toBe(200);
    expect(second.body[0].id).not.toBe(page.body[0].id);
    const missing = await call('GET', `${usersApi}/api/v1/users/00000000-0000-4000-8000-000000000000`, {
      token: tokens.viewer,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('updates name, team and role with PUT; 400 for an unknown role, 404 for an unknown id', async () => {
    const { user } = await createUser('viewer');
    const res = await call('PUT', `${usersApi}/api/v1/users/${user.id}`, {
      token: adminToken,
      body: { name: 'Renamed', team: 'Payments', role: 'responder' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: 'Renamed', team: 'Payments', role: 'responder' });
    const bad = await call('PUT', `${usersApi}/api/v1/users/${user.id}`, {
      token: adminToken,
      body: { role: 'root' },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['role']);
    const unknown = await call('PUT', `${usersApi}/api/v1/users/00000000-0000-4000-8000-000000000000`, {
      token: adminToken,
      body: { name: 'Nobody' },
    });
    expect(unknown.status).toBe(404);
  });

  it('logs in with email and password; a wrong password is 401, an email alone is 400', async () => {
    const { email, password, user } = await createUser('responder');
    const ok = await call('POST', `${usersApi}/api/v1/auth/login`, {
      body: { email: email.toUpperCase(), password },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user_id).toBe(user.id);
    expect(ok.body.token.split('.')).toHaveLength(3);
    expect(ok.body.token_type).toBe('Bearer');
    const wrong = await call('POST', `${usersApi}/api/v1/auth/login`, {
      body: { email, password: 'nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
    const emailOnly = await call('POST', `${usersApi}/api/v1/auth/login`, { body: { email } });
    expect(emailOnly.status).toBe(400);
    expect(fieldsOf(emailOnly)).toEqual(['password']);
  });

  it('answers repeated failures for one email with 429 and Retry-After', async () => {
    const { email, password } = await createUser('viewer');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await call('POST', `${usersApi}/api/v1/auth/login`, {
        body: { email, password: `wrong-${i}-xxxxxxxx` },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password is refused while the email is blocked.
    expect((await call('POST', `${usersApi}/api/v1/auth/login`, { body: { email, password } })).status).toBe(
      429,
    );
  });

  it('rotates refresh tokens and ends the session when a spent one is replayed', async () => {
    const { email, password } = await createUser('viewer');
    const first = await login(email, password);
    const rotated = await call('POST', `${usersApi}/api/v1/auth/refresh`, {
      body: { refresh_token: first.refresh_token },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(first.refresh_token);
    const replay = await call('POST', `${usersApi}/api/v1/auth/refresh`, {
      body: { refresh_token: first.refresh_token },
    });
    expect(replay.status).toBe(401);
    // Reuse revokes the whole family: the rotated token and its access token stop too.
    const next = await call('POST', `${usersApi}/api/v1/auth/refresh`, {
      body: { refresh_token: rotated.body.refresh_token },
    });
    expect(next.status).toBe(401);
    expect((await call('GET', `${usersApi}/api/v1/auth/me`, { token: rotated.body.token })).status).toBe(401);
  });

  it('logs out with 204 and the access token stops at once', async () => {
    const { email, password } = await createUser('viewer');
    const session = await login(email, password);
    expect((await call('GET', `${usersApi}/api/v1/auth/me`, { token: session.token })).status).toBe(200);
    const out = await call('POST', `${usersApi}/api/v1/auth/logout`, {
      body: { refresh_token: session.refresh_token },
    });
    expect(out.status).toBe(204);
    expect((await call('GET', `${usersApi}/api/v1/auth/me`, { token: session.token })).status).toBe(401);
  });

  it('issues, lists and revokes API tokens; a revoked token stops at once', async () => {
    const created = await call('POST', `${usersApi}/api/v1/tokens`, {
      token: adminToken,
      body: { name: `ci-${uid()}`, role: 'responder' },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^ps_/);
    const apiToken = created.body.token as string;
    const incident = await call('POST', `${incidentsApi}/api/v1/incidents`, {
      token: apiToken,
      body: { title: 'From CI', sev: 3 },
    });
    expect(incident.status).toBe(201);
    expect(incident.body.source).toBe('api');

    const list = await call('GET', `${usersApi}/api/v1/tokens`, { token: adminToken });
    const listed = list.body.find((t: Json) => t.id === created.body.id);
    expect(listed).toMatchObject({ role: 'responder', revoked: false });
    expect(JSON.stringify(list.body)).not.toContain(apiToken);

    expect(
      (await call('DELETE', `${usersApi}/api/v1/tokens/${created.body.id}`, { token: adminToken })).status,
    ).toBe(200);
    const refused = await call('POST', `${incidentsApi}/api/v1/incidents`, {
      token: apiToken,
      body: { title: 'After revoke', sev: 3 },
    });
    expect(refused.status).toBe(401);
  });

  it('refuses a token whose role exceeds its creator and any role raise by a non-admin', async () => {
    const tooHigh = await call('POST', `${usersApi}/api/v1/tokens`, {
      token: tokens.manager,
      body: { name: 'sneaky', role: 'admin' },
    });
    expect(tooHigh.status).toBe(403);
    const selfRaise = await call('PUT', `${usersApi}/api/v1/users/${ids.responder}`, {
      token: tokens.responder,
      body: { role: 'admin' },
    });
    expect(selfRaise.status).toBe(403);
    const still = await call('GET', `${usersApi}/api/v1/users/${ids.responder}`, { token: adminToken });
    expect(still.body.role).toBe('responder');
    // Changing one's own name is allowed.
    const rename = await call('PUT', `${usersApi}/api/v1/users/${ids.responder}`, {
      token: tokens.responder,
      body: { name: 'On-call SRE' },
    });
    expect(rename.status).toBe(200);
  });

  it('disables a user and their tokens stop working at once', async () => {
    const { user, email, password } = await createUser('responder');
    const session = await login(email, password);
    expect((await call('GET', `${incidentsApi}/api/v1/incidents`, { token: session.token })).status).toBe(
      200,
    );
    const disabled = await call('POST', `${usersApi}/api/v1/users/${user.id}/disable`, { token: adminToken });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await call('GET', `${incidentsApi}/api/v1/incidents`, { token: session.token })).status).toBe(
      401,
    );
    expect((await call('POST', `${usersApi}/api/v1/auth/login`, { body: { email, password } })).status).toBe(
      401,
    );
  });

  it('records security events in the audit log that only admins can read', async () => {
    const paged = await call('GET', `${usersApi}/api/v1/audit?limit=1`, { token: adminToken });
    expect(paged.status).toBe(200);
    expect(paged.headers.get('x-next-cursor')).toBeTruthy();
    const res = await call('GET', `${usersApi}/api/v1/audit?limit=200`, { token: adminToken });
    expect(res.status).toBe(200);
    const types = new Set(res.body.map((e: Json) => e.type));
    for (const t of [
      'login.succeeded',
      'login.failed',
      'user.created',
      'token.created',
      'token.revoked',
      'user.disabled',
    ]) {
      expect(types, t).toContain(t);
    }
    expect((await call('GET', `${usersApi}/api/v1/audit`, { token: tokens.manager })).status).toBe(403);
  });

  it('serves its swagger and docs', async () => {
    const yaml = await call('GET', `${usersApi}/swagger.yaml`);
    expect(yaml.status).toBe(200);
    expect(String(yaml.body)).toContain('/api/v1/auth/login');
    expect((await call('GET', `${usersApi}/docs`)).status).toBeLessThan(400);
  });
});

describe('access matrix', () => {
  let incidentId: string;
  /** Somebody else: a change to one's own account follows other rules (self-service name, team, password). */
  let bystanderId: string;

  beforeAll(async () => {
    const res = await call('POST', `${incidentsApi}/api/v1/incidents`, {
      token: adminToken,
      body: { title: 'Matrix target', sev: 2 },
    });
    incidentId = res.body.id;
    bystanderId = (await createUser('viewer')).user.id;
  });

  /** A REST operation, the least role it needs, and a request maker (fresh body each time). */
  type Op = { name: string; min: Role; run: (token?: string) => Promise<{ status: number }> };
  const rest = (method: string, url: () => string, body?: () => unknown) => (token?: string) =>
    call(method, url(), { token, body: body?.() });

  const restOps: Op[] = [
    { name: 'GET incidents', min: 'viewer', run: rest('GET', () => `${incidentsApi}/api/v1/incidents`) },
    {
      name: 'GET incident',
      min: 'viewer',
      run: rest('GET', () => `${incidentsApi}/api/v1/incidents/${incidentId}`),
    },
    {
      name: 'GET timeline',
      min: 'viewer',
      run: rest('GET', () => `${incidentsApi}/api/v1/incidents/${incidentId}/timeline`),
    },
    {
      name: 'POST incident',
      min: 'responder',
      run: rest(
        'POST',
        () => `${incidentsApi}/api/v1/incidents`,
        () => ({ title: 'M', sev: 4 }),
      ),
    },
    {
      name: 'PATCH incident',
      min: 'responder',
      run: rest(
        'PATCH',
        () => `${incidentsApi}/api/v1/incidents/${incidentId}`,
        () => ({ summary: 'x' }),
      ),
    },
    {
      name: 'POST status',
      min: 'responder',
      run: rest(
        'POST',
        () => `${incidentsApi}/api/v1/incidents/${incidentId}/status`,
        () => ({ status: 'open' }),
      ),
    },
    {
      name: 'POST timeline',
      min: 'responder',
      run: rest(
        'POST',
        () => `${incidentsApi}/api/v1/incidents/${incidentId}/timeline`,
        () => ({ type: 'note', message: 'm' }),
      ),
    },
    {
      name: 'POST assign',
      min: 'manager',
      run: rest(
        'POST',
        () => `${incidentsApi}/api/v1/incidents/${incidentId}/assign`,
        () => ({ commander: ids.responder }),
      ),
    },
    {
      name: 'POST postmortem',
      min: 'manager',
      run: rest(
        'POST',
        () => `${incidentsApi}/api/v1/incidents/${incidentId}/postmortem`,
        () => ({ what_happened: 'a', root_cause: 'b', action_items: ['c'] }),
      ),
    },
    { name: 'GET users', min: 'viewer', run: rest('GET', () => `${usersApi}/api/v1/users`) },
    { name: 'GET user', min: 'viewer', run: rest('GET', () => `${usersApi}/api/v1/users/${ids.viewer}`) },
    {
      name: 'POST user',
      min: 'admin',
      run: rest(
        'POST',
        () => `${usersApi}/api/v1/users`,
        () => ({ name: 'M', email: `m-${uid()}@example.com` }),
      ),
    },
    {
      name: 'PUT other user',
      min: 'admin',
      run: rest(
        'PUT',
        () => `${usersApi}/api/v1/users/${bystanderId}`,
        () => ({ team: 'Matrix' }),
      ),
    },
    { name: 'GET tokens', min: 'admin', run: rest('GET', () => `${usersApi}/api/v1/tokens`) },
    {
      name: 'POST token',
      min: 'admin',
      run: rest(
        'POST',
        () => `${usersApi}/api/v1/tokens`,
        () => ({ name: `m-${uid()}`, role: 'viewer' }),
      ),
    },
    { name: 'GET audit', min: 'admin', run: rest('GET', () => `${usersApi}/api/v1/audit`) },
  ];

  it.each(restOps.map((op) => [op.name, op] as const))(
    'REST %s: 401 without a token, 403 below its role, 2xx at it',
    async (_n, op) => {
      const anonymous = await op.run();
      expect(anonymous.status).toBe(401);
      for (const role of ROLES) {
        const res = await op.run(tokens[role]);
        if (rank(role) < rank(op.min)) expect(res.status, role).toBe(403);
        else expect(res.status, `${role}: ${JSON.stringify((res as Json).body)}`).toBeLessThan(300);
      }
    },
  );

  const gqlOps: {
    name: string;
    min: Role | 'public';
    query: string;
    variables?: () => Record<string, unknown>;
  }[] = [
    { name: 'incidents', min: 'viewer', query: '{ incidents(first: 1) { nodes { id } } }' },
    { name: 'users', min: 'viewer', query: '{ users(first: 1) { nodes { id } } }' },
    {
      name: 'createIncident',
      min: 'responder',
      query: 'mutation { createIncident(input: {title: "G", sev: 4}) { id } }',
    },
    {
      name: 'addTimelineEvent',
      min: 'responder',
      query:
        'mutation($id: ID!) { addTimelineEvent(incidentId: $id, input: {type: NOTE, message: "m"}) { id } }',
      variables: () => ({ id: incidentId }),
    },
    {
      name: 'assignCommander',
      min: 'manager',
      query: 'mutation($id: ID!, $c: ID!) { assignCommander(id: $id, commanderId: $c) { id } }',
      variables: () => ({ id: incidentId, c: ids.manager }),
    },
    {
      name: 'submitPostmortem',
      min: 'manager',
      query:
        'mutation($id: ID!) { submitPostmortem(incidentId: $id, input: {whatHappened: "a", rootCause: "b", actionItems: []}) { version } }',
      variables: () => ({ id: incidentId }),
    },
    { name: 'auditLog', min: 'admin', query: '{ auditLog(first: 1) { nodes { id } } }' },
    { name: 'apiTokens', min: 'admin', query: '{ apiTokens(first: 1) { nodes { id } } }' },
    {
      name: 'changeUserRole',
      min: 'admin',
      query: 'mutation($id: ID!) { changeUserRole(id: $id, role: VIEWER) { id } }',
      variables: () => ({ id: bystanderId }),
    },
  ];

  it.each(gqlOps.map((op) => [op.name, op] as const))(
    'GraphQL %s: UNAUTHENTICATED without a token, FORBIDDEN below its role',
    async (_n, op) => {
      const anonymous = await graphql(stack.graphqlUrl, op.query, op.variables?.());
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      for (const role of ROLES) {
        const res = await graphql(stack.graphqlUrl, op.query, op.variables?.(), tokens[role]);
        if (op.min !== 'public' && rank(role) < rank(op.min)) {
          expect(res.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
        } else {
          expect(res.errors, role).toBeUndefined();
        }
      }
    },
  );

  it('changes nothing when it refuses', async () => {
    const count = async () =>
      (await call('GET', `${incidentsApi}/api/v1/incidents?limit=500`, { token: adminToken })).body.length;
    const before = await count();
    const timelineBefore = (
      await call('GET', `${incidentsApi}/api/v1/incidents/${incidentId}/timeline?limit=500`, {
        token: adminToken,
      })
    ).body.length;
    expect(
      (await call('POST', `${incidentsApi}/api/v1/incidents`, { body: { title: 'x', sev: 1 } })).status,
    ).toBe(401);
    expect(
      (
        await call('POST', `${incidentsApi}/api/v1/incidents`, {
          token: tokens.viewer,
          body: { title: 'x', sev: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', `${incidentsApi}/api/v1/incidents/${incidentId}/timeline`, {
          token: tokens.viewer,
          body: { type: 'note', message: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(await count()).toBe(before);
    const timelineAfter = (
      await call('GET', `${incidentsApi}/api/v1/incidents/${incidentId}/timeline?limit=500`, {
        token: adminToken,
      })
    ).body.length;
    expect(timelineAfter).toBe(timelineBefore);
  });

  it('joins incidents to their commanders in one batched fetch to the users service', async () => {
    const commanders = [ids.viewer, ids.responder, ids.manager];
    for (let i = 0; i < 9; i++) {
      const created = await call('POST', `${incidentsApi}/api/v1/incidents`, {
        token: adminToken,
        body: { title: `Batch ${i}`, sev: 3, services: ['batch-join'] },
      });
      await call('POST', `${incidentsApi}/api/v1/incidents/${created.body.id}/assign`, {
        token: adminToken,
        body: { commander: commanders[i % 3] },
      });
    }
    const operationsSeenByUsers = async () => {
      const text = (await call('GET', `${stack.urls.users}/metrics`)).body as string;
      return text
        .split('\n')
        .filter((l) => l.startsWith('graphql_operations_total{') && l.includes('operation="CommanderJoin'))
        .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
    };
    const before = await operationsSeenByUsers();
    const res = await graphql(
      stack.graphqlUrl,
      'query CommanderJoin { incidents(first: 9, filter: {service: "batch-join"}) { nodes { id commander { id name email role } } } }',
      {},
      tokens.viewer,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data.incidents.nodes as Json[];
    expect(nodes).toHaveLength(9);
    for (const n of nodes) {
      expect(commanders).toContain(n.commander.id);
      expect(n.commander.email).toMatch(/@e2e\.polystatus\.test$/);
    }
    expect(await operationsSeenByUsers()).toBe(before + 1);
  });
});
