import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The gateway's response cache (gateway/src/response-cache) with the real domains behind it: an answer is reused
 * only while nothing it reads has changed, and never for another principal. Every kind of write a client can
 * make to what the cached reads select is followed by a read that must show it.
 */
describe('gateway response cache end to end', () => {
  let stack: Stack;
  let admin: string;
  let adminId: string;

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await call('POST', stack.graphqlUrl, { token, body: { query, variables } });
    return { ...res, cache: res.headers.get('x-ps-cache') };
  };
  const mutate = async (query: string, variables: Record<string, unknown>, token = admin): Promise<Json> => {
    const res = await post(query, variables, token);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };
  /** Reads twice: the second read must reuse the first answer (nothing changed in between). */
  const readTwice = async (query: string, variables: Record<string, unknown>, token = admin) => {
    const first = await post(query, variables, token);
    const second = await post(query, variables, token);
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
    return first.body.data;
  };

  const DASHBOARD = `query Dashboard($first: Int) { incidents(first: $first) { nodes { id title sev status services
    summary version acknowledgedAt commander { id name } roles { role user { id name } } } } }`;
  const ROOM = `query Room($id: ID!) { incident(id: $id) { id title status sev version acknowledgedAt
    commander { id name } roles { role userId } timeline(first: 50) { nodes { type message author { name } } }
    postmortem { whatHappened rootCause actionItems { text done } } } }`;

  beforeAll(async () => {
    stack = await startStack();
    const login = await post(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }',
      { e: stack.admin.email, p: stack.admin.password },
    );
    admin = login.body.data.login.accessToken;
    adminId = login.body.data.login.user.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('reuses an unchanged answer and shows every kind of incident write on the next read', async () => {
    const created = await mutate(
      'mutation($t: String!) { createIncident(input: { title: $t, sev: 2, services: ["api"] }) { id } }',
      { t: 'cache: checkout errors' },
    );
    const id: string = created.createIncident.id;
    const room = () => readTwice(ROOM, { id });
    const listed = async () =>
      ((await readTwice(DASHBOARD, { first: 20 })).incidents.nodes as Json[]).find((n) => n.id === id);

    expect((await listed()).title).toBe('cache: checkout errors');
    expect((await room()).incident.version).toBe(1);

    await mutate(
      'mutation($id: ID!) { updateIncident(id: $id, input: { title: "cache: renamed", sev: 1 }) { id } }',
      { id },
    );
    expect(await listed()).toMatchObject({ title: 'cache: renamed', sev: 1 });
    expect((await room()).incident.title).toBe('cache: renamed');

    await mutate('mutation($id: ID!) { acknowledgeIncident(id: $id) { acknowledged } }', { id });
    expect((await listed()).acknowledgedAt).not.toBeNull();

    await mutate('mutation($id: ID!, $u: ID!) { assignCommander(id: $id, commanderId: $u) { id } }', {
      id,
      u: adminId,
    });
    expect((await listed()).commander).toEqual({ id: adminId, name: expect.any(String) });

    await mutate(
      'mutation($id: ID!, $u: ID!) { assignIncidentRole(incidentId: $id, role: SCRIBE, userId: $u) { id } }',
      {
        id,
        u: adminId,
      },
    );
    expect((await room()).incident.roles).toContainEqual({ role: 'SCRIBE', userId: adminId });

    await mutate(
      'mutation($id: ID!) { addTimelineEvent(incidentId: $id, input: { type: NOTE, message: "cache: a note" }) { id } }',
      {
        id,
      },
    );
    expect((await room()).incident.timeline.nodes.map((n: Json) => n.message)).toContain('cache: a note');

    await mutate('mutation($id: ID!) { changeIncidentStatus(id: $id, status: MITIGATED) { id } }', { id });
    expect((await listed()).status).toBe('MITIGATED');

    await mutate(
      `mutation($id: ID!) { submitPostmortem(incidentId: $id, input: { whatHappened: "cache: pool exhausted",
        rootCause: "cache: a leak", actionItems: [{ text: "cache: cap the pool" }] }) { version } }`,
      { id },
    );
    expect((await room()).incident.postmortem).toMatchObject({ whatHappened: 'cache: pool exhausted' });
  });

  it('shows a user change in answers that join users, and a role change in who the caller is', async () => {
    const user = await mutate(
      'mutation { createUser(input: { name: "Cache Person", email: "cache-person@example.com", role: RESPONDER, password: "correct horse battery" }) { id } }',
      {},
    );
    const uid: string = user.createUser.id;
    const id = (
      await mutate('mutation { createIncident(input: { title: "cache: join", sev: 3 }) { id } }', {})
    ).createIncident.id as string;
    await mutate('mutation($id: ID!, $u: ID!) { assignCommander(id: $id, commanderId: $u) { id } }', {
      id,
      u: uid,
    });
    const commanderName = async () =>
      ((await readTwice(DASHBOARD, { first: 20 })).incidents.nodes as Json[]).find((n) => n.id === id)
        .commander.name;
    expect(await commanderName()).toBe('Cache Person');
    await mutate('mutation($u: ID!) { updateUser(id: $u, input: { name: "Cache Renamed" }) { id } }', {
      u: uid,
    });
    expect(await commanderName()).toBe('Cache Renamed');

    const token = (
      await post('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
        e: 'cache-person@example.com',
        p: 'correct horse battery',
      })
    ).body.data.login.accessToken as string;
    expect((await readTwice('{ me { id role } }', {}, token)).me).toEqual({ id: uid, role: 'RESPONDER' });
    await mutate('mutation($u: ID!) { changeUserRole(id: $u, role: MANAGER) { id } }', { u: uid });
    // The caller's new role applies on their next request (the cached answer was kept for the old one).
    const after = await post('{ me { id role } }', {}, token);
    expect(after.cache).not.toBe('hit');
    expect(after.status === 401 || after.body.data.me.role === 'MANAGER', JSON.stringify(after.body)).toBe(
      true,
    );
  });

  it('never hands one principal the answer kept for another', async () => {
    const token = async (role: string) =>
      (
        await mutate(
          `mutation { createApiToken(input: { name: "cache-${role}", role: ${role} }) { token apiToken { id } } }`,
          {},
        )
      ).createApiToken as { token: string; apiToken: { id: string } };
    const viewer = await token('VIEWER');
    const responder = await token('RESPONDER');
    const me = '{ me { id role } }';
    expect((await readTwice(me, {}, admin)).me.role).toBe('ADMIN');
    // Same document, same variables, other callers: each computes (and then reuses) its own answer.
    const asViewer = await post(me, {}, viewer.token);
    expect(asViewer.cache).toBe('miss');
    const asResponder = await post(me, {}, responder.token);
    expect(asResponder.cache).toBe('miss');
    expect((await post(me, {}, viewer.token)).cache).toBe('hit');
    expect((await post(me, {}, admin)).body.data.me.role).toBe('ADMIN');

    // A revoked token is refused even though an answer is kept for it.
    await mutate('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: viewer.apiToken.id });
    const revoked = await post(me, {}, viewer.token);
    expect(revoked.status).toBe(401);
  });

  it('keeps nothing for mutations, anonymous callers, clock-dependent or unversioned fields, or errors', async () => {
    const id = (
      await mutate('mutation { createIncident(input: { title: "cache: never", sev: 4 }) { id } }', {})
    ).createIncident.id as string;
    const never = [
      // Action items compare their due date with the time of the request.
      ['query($id: ID!) { incident(id: $id) { id actionItems { nodes { id overdue } } } }', { id }],
      ['query { incidentStats(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { total } }', {}],
      // Other domains' data is not versioned by these streams.
      ['query($id: ID!) { incident(id: $id) { id announcements { id } } }', { id }],
      ['{ __schema { queryType { name } } }', {}],
    ] as const;
    for (const [query, variables] of never) {
      const first = await post(query, variables, admin);
      const second = await post(query, variables, admin);
      expect([first.cache, second.cache], query).toEqual([null, null]);
    }
    expect((await post('{ incidents(first: 1) { nodes { id } } }')).cache).toBeNull();
    // A client asking for a fresh answer gets one computed now.
    const fresh = await call('POST', stack.graphqlUrl, {
      token: admin,
      headers: { 'cache-control': 'no-cache' },
      body: { query: '{ me { id } }' },
    });
    expect(fresh.headers.get('x-ps-cache')).toBeNull();
    // An answer with errors (here a page larger than the limit) is never kept.
    const failing = await post('{ incidents(first: 5000) { nodes { id } } }', {}, admin);
    expect(failing.body.errors).toBeDefined();
    expect(failing.cache).toBeNull();
  });

  it('keeps answers as sent, compressed for a client that accepts it', async () => {
    // Enough incidents for an answer past the compression threshold (1 KB).
    for (let i = 0; i < 12; i++) {
      await mutate('mutation($t: String!) { createIncident(input: { title: $t, sev: 3 }) { id } }', {
        t: `cache: compressed answer ${i}`,
      });
    }
    // node:http, not fetch: fetch decodes the body, and what is checked here is the bytes as they came.
    const send = () =>
      new Promise<{ headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
        const body = JSON.stringify({ query: DASHBOARD, variables: { first: 50 } });
        const req = request(
          stack.graphqlUrl,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${admin}`,
              'accept-encoding': 'gzip',
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const first = await send();
    const second = await send();
    expect(second.headers['x-ps-cache']).toBe('hit');
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(JSON.parse(gunzipSync(second.bytes).toString())).toEqual(
      JSON.parse(gunzipSync(first.bytes).toString()),
    );
  });

  it('lets a REST adapter answer an unchanged list again on its own, and shows writes and revocations at once', async () => {
    const rest = stack.urls['rest-incidents']!;
    const outcome = async (name: string) => {
      const metrics = await (await fetch(`${rest}/metrics`)).text();
      const found = new RegExp(`rest_answer_reuse_total\\{outcome="${name}"[^}]*\\} (\\d+)`).exec(metrics);
      return Number(found?.[1] ?? 0);
    };
    const counts = async () => ({ unchanged: await outcome('unchanged'), reused: await outcome('reused') });
    const list = () => call('GET', `${rest}/api/v1/incidents?status=open&limit=100`, { token: admin });
    const created = await call('POST', `${rest}/api/v1/incidents`, {
      token: admin,
      body: { title: 'cache: rest list', sev: 2 },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const first = await list();
    const before = await counts();
    const second = await list();
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    // The event streams had not moved since the gateway's answer: sent again without asking the gateway.
    expect(await counts()).toEqual({ ...before, unchanged: before.unchanged + 1 });
    // A write in another domain (a user's name) moves the users stream: the adapter asks the gateway, which says
    // 304 (the list reads no user), and the confirmation's terms let the next request go without asking again.
    await mutate('mutation($id: ID!, $n: String!) { updateUser(id: $id, input: { name: $n }) { id } }', {
      id: adminId,
      n: 'Cache Admin',
    });
    expect((await list()).body).toEqual(first.body);
    expect(await list()).toMatchObject({ status: 200, body: first.body });
    expect(await counts()).toEqual({ unchanged: before.unchanged + 2, reused: before.reused + 1 });

    const patched = await call('PATCH', `${rest}/api/v1/incidents/${id}`, {
      token: admin,
      body: { title: 'cache: rest list, renamed' },
    });
    expect(patched.status).toBe(200);
    const after = await list();
    expect(after.body.find((i: Json) => i.id === id).title).toBe('cache: rest list, renamed');
    expect((await call('GET', `${rest}/api/v1/incidents/${id}`, { token: admin })).body.title).toBe(
      'cache: rest list, renamed',
    );

    // Kept for a token that is then revoked: refused, not answered from what the adapter kept.
    const token = (
      await mutate(
        'mutation { createApiToken(input: { name: "cache-rest", role: VIEWER }) { token apiToken { id } } }',
        {},
      )
    ).createApiToken as { token: string; apiToken: { id: string } };
    const asToken = () =>
      call('GET', `${rest}/api/v1/incidents?status=open&limit=100`, { token: token.token });
    expect((await asToken()).status).toBe(200);
    expect((await asToken()).status).toBe(200);
    await mutate('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.apiToken.id });
    expect((await asToken()).status).toBe(401);
  });

  it('tells signed-in callers when an answer stands in terms only a holder of the internal secret can check', async () => {
    const query = '{ incidents(first: 5) { nodes { id title } } }';
    const signedIn = await call('POST', stack.graphqlUrl, { token: admin, body: { query } });
    const scope = signedIn.headers.get('x-ps-reuse-scope');
    const version = signedIn.headers.get('x-ps-reuse-version');
    const until = Number(signedIn.headers.get('x-ps-reuse-until'));
    expect(scope).toBe('incidents,users');
    // Keyed, not the streams' ids (which would tell when anyone last signed out).
    expect(version).toMatch(/^[\w-]{22}$/);
    expect(until).toBeGreaterThan(Date.now());
    expect(until).toBeLessThanOrEqual(Date.now() + 61_000);
    const again = await call('POST', stack.graphqlUrl, { token: admin, body: { query } });
    expect(again.headers.get('x-ps-reuse-version')).toBe(version);
    const anonymous = await call('POST', stack.graphqlUrl, {
      body: { query: '{ publicStatus { indicator } }' },
    });
    expect(anonymous.headers.get('x-ps-reuse-scope')).toBeNull();
  });

  it('computes an answer once for identical requests arriving together, each seeing the latest write', async () => {
    const query = '{ incidents(first: 100) { nodes { id title version } } }';
    const id = (
      await mutate('mutation { createIncident(input: { title: "cache: herd", sev: 3 }) { id } }', {})
    ).createIncident.id as string;
    await post(query, {}, admin);
    for (let round = 0; round < 3; round++) {
      await mutate(
        'mutation($id: ID!, $t: String!) { updateIncident(id: $id, input: { title: $t }) { id } }',
        {
          id,
          t: `cache: herd ${round}`,
        },
      );
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(query, {}, admin)));
      for (const a of answers) {
        expect(a.body).toEqual(answers[0]!.body);
        expect(a.body.data.incidents.nodes.find((n: Json) => n.id === id).title).toBe(`cache: herd ${round}`);
      }
      // Those that waited for another's answer, or came after it was kept, say `hit`.
      const computed = answers.filter((a) => a.cache === 'miss').length;
      expect(answers.filter((a) => a.cache === 'hit').length).toBe(10 - computed);
      expect(computed).toBeGreaterThanOrEqual(1);
      expect(computed).toBeLessThanOrEqual(2);
    }
  });
});
