import { readFileSync } from 'node:fs';
import { ANONYMOUS, type Authenticator, DomainError, isRole, type Principal } from '@polystatus/kit';
import { deletePrefix, TEST_INTERNAL_SECRET, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { responseChecker } from '@polystatus/rest-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../gateway/src/compose/compose.ts';
import { loadGatewayEnv } from '../gateway/src/config.ts';
import { buildGatewayService } from '../gateway/src/server.ts';
import { loadIncidentsRestEnv } from '../rest-adapters/incidents/src/config.ts';
import { buildIncidentsRestService, INCIDENTS_SWAGGER } from '../rest-adapters/incidents/src/server.ts';
import { loadIncidentsEnv } from '../subgraphs/incidents/src/config.ts';
import { buildIncidentsService } from '../subgraphs/incidents/src/server.ts';
import { appendUserEvent, createUsers } from '../subgraphs/incidents/src/testing/users.ts';

/**
 * The incidents REST API end to end, in one process: the real incidents subgraph on Redis, the real gateway
 * (with a fake authenticator: `Bearer <role>` is a user of that role) and the adapter, each on its own port.
 * Every response is also checked against swaggers/incidents.yaml, so the served API is the documented one.
 */

const BODY_LIMIT = 4096;
const prefix = uniquePrefix('rest-incidents');
const redis = testRedis();
const common = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
};

const fakeAuthenticator: Authenticator = {
  async authenticate(header) {
    if (!header) return ANONYMOUS;
    const role = /^Bearer (\w+)$/.exec(header)?.[1];
    if (!isRole(role)) throw new DomainError('UNAUTHENTICATED', 'invalid token');
    return { kind: 'user', id: `user-${role}`, role } satisfies Principal;
  },
};

type Closable = { close(): Promise<void> };
const running: Closable[] = [];
let incidentsUrl = '';
let supergraphSdl = '';
let base = '';

async function startGateway(extra: Record<string, string> = {}) {
  const env = loadGatewayEnv(
    // The same key prefix as the incidents subgraph: the gateway reads its event stream (response cache).
    {
      ...common,
      PORT: '0',
      INCIDENTS_URL: incidentsUrl,
      RATE_LIMIT_PER_SECOND: '0',
      REDIS_KEY_PREFIX: prefix,
      ...extra,
    },
    supergraphSdl,
  );
  const gateway = await buildGatewayService(env, { authenticator: fakeAuthenticator });
  running.push(gateway);
  return `${await gateway.listen()}/graphql`;
}

async function startAdapter(gatewayUrl: string) {
  const env = loadIncidentsRestEnv({
    ...common,
    PORT: '0',
    GATEWAY_URL: gatewayUrl,
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
  });
  const adapter = await buildIncidentsRestService(env);
  running.push(adapter);
  return { address: await adapter.listen(), spec: adapter.spec };
}

let check: ReturnType<typeof responseChecker>;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field below
type Body = any;

interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  raw?: string;
  headers?: Record<string, string>;
  /** The operation whose documented response the answer must match. */
  op?: string;
}

async function call(
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<{ status: number; headers: Headers; body: Body }> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? 'admin' : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (opts.raw !== undefined) payload = opts.raw;
  else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: payload });
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  if (opts.op) expect(check(opts.op, res.status, body)).toEqual([]);
  return { status: res.status, headers: res.headers, body };
}

const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);

/** Every key this run's incidents subgraph wrote: a refused request must not add or change any. */
async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys.sort();
}

async function createIncident(body: Record<string, unknown>, token = 'responder') {
  const res = await call('POST', '/api/v1/incidents', { body, token, op: 'createIncident' });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

beforeAll(async () => {
  const incidents = await buildIncidentsService(
    loadIncidentsEnv({ ...common, PORT: '0', REDIS_KEY_PREFIX: prefix }),
  );
  running.push(incidents);
  incidentsUrl = `${await incidents.listen()}/graphql`;
  // The incidents SDL alone: the suite needs no other domain running, and every route it drives stays inside it.
  const sdl = readFileSync(new URL('../subgraphs/incidents/schema.graphql', import.meta.url), 'utf8');
  const composed = composeSupergraph([
    { name: 'incidents', url: incidentsUrl, file: 'subgraphs/incidents/schema.graphql', sdl },
  ]);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  supergraphSdl = composed.supergraphSdl;
  const adapter = await startAdapter(await startGateway());
  base = adapter.address;
  check = responseChecker(adapter.spec);
});

afterAll(async () => {
  for (const service of running.reverse()) await service.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('POST /api/v1/incidents', () => {
  it('creates an incident in the documented shape, 201', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await call('POST', '/api/v1/incidents', {
      token: 'responder',
      body: { title: 'Checkout errors', sev: 2, services: ['checkout', 'payments'], summary: 'p95 above 2s' },
      op: 'createIncident',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Checkout errors',
      sev: 2,
      services: ['checkout', 'payments'],
      summary: 'p95 above 2s',
      status: 'open',
      commander: null,
      mitigated_at: null,
      resolved_at: null,
      source: 'manual',
      created_by: 'user-responder',
      version: 1,
    });
    expect(res.body.id).toMatch(/^INC-[A-Z0-9]{6,}$/);
    expect(Number.isInteger(res.body.started_at)).toBe(true);
    expect(res.body.started_at).toBeGreaterThanOrEqual(before);
    expect(res.body.started_at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('accepts the minimal reference body and the CSP client body with its source', async () => {
    const minimal = await createIncident({ title: 'Minimal', sev: 4 });
    expect(minimal).toMatchObject({ services: [], summary: '', source: 'manual' });
    const csp = await createIncident({ title: 'Provider outage', sev: 2, source: 'csp', services: ['cdn'] });
    expect(csp).toMatchObject({ source: 'csp' });
  });

  it.each([
    ['missing title', { sev: 2 }, ['title']],
    ['sev 7', { title: 'x', sev: 7 }, ['sev']],
    ['sev as the string "2"', { title: 'x', sev: '2' }, ['sev']],
    ['sev 0', { title: 'x', sev: 0 }, ['sev']],
    ['services not an array', { title: 'x', sev: 2, services: 'api' }, ['services']],
    ['a service not a string', { title: 'x', sev: 2, services: ['api', 3] }, ['services[1]']],
    ['an unknown field', { title: 'x', sev: 2, severity: 1 }, ['severity']],
    ['an unknown source', { title: 'x', sev: 2, source: 'pager' }, ['source']],
    ['every problem at once', { sev: 9, summary: 4 }, ['title', 'sev', 'summary']],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_name, body, expected) => {
    const keys = await storedKeys();
    const res = await call('POST', '/api/v1/incidents', { token: 'responder', body, op: 'createIncident' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(fields(res.body).sort()).toEqual([...expected].sort());
    expect(await storedKeys()).toEqual(keys);
  });

  it('refuses malformed JSON, an empty body and a body over the size limit, naming `body`', async () => {
    const keys = await storedKeys();
    const malformed = await call('POST', '/api/v1/incidents', {
      token: 'responder',
      raw: '{"title": "x", sev: 2',
    });
    const empty = await call('POST', '/api/v1/incidents', { token: 'responder', raw: '' });
    const big = await call('POST', '/api/v1/incidents', {
      token: 'responder',
      body: { title: 'x', sev: 2, summary: 'y'.repeat(BODY_LIMIT) },
    });
    const notJson = await call('POST', '/api/v1/incidents', { token: 'responder', body: [1, 2] });
    for (const res of [malformed, empty, big, notJson]) {
      expect(res.status).toBe(400);
      expect(check('createIncident', 400, res.body)).toEqual([]);
      expect(fields(res.body)).toEqual(['body']);
    }
    expect(big.body.error.details[0].issue).toContain(String(BODY_LIMIT));
    expect(await storedKeys()).toEqual(keys);
  });

  it('answers 401 without a token or with a bad one, 403 for a viewer, and stores nothing', async () => {
    const keys = await storedKeys();
    const body = { title: 'x', sev: 2 };
    const anonymous = await call('POST', '/api/v1/incidents', { token: null, body, op: 'createIncident' });
    const bad = await call('POST', '/api/v1/incidents', { token: 'nobody', body, op: 'createIncident' });
    const viewer = await call('POST', '/api/v1/incidents', { token: 'viewer', body, op: 'createIncident' });
    expect([anonymous.status, bad.status, viewer.status]).toEqual([401, 401, 403]);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    expect(viewer.body.error.code).toBe('FORBIDDEN');
    expect(await storedKeys()).toEqual(keys);
  });

  it('carries the caller’s request id through to the error body and the response header', async () => {
    const res = await call('POST', '/api/v1/incidents', {
      token: 'responder',
      body: { sev: 2 },
      headers: { 'x-request-id': 'trace-rest-42' },
    });
    expect(res.body.requestId).toBe('trace-rest-42');
    expect(res.headers.get('x-request-id')).toBe('trace-rest-42');
  });
});

describe('GET /api/v1/incidents/{id}', () => {
  it('reads an incident; 404 in the error shape for an unknown id; 401 without a token', async () => {
    const created = await createIncident({ title: 'Read me', sev: 3, services: ['api'] });
    const res = await call('GET', `/api/v1/incidents/${created.id}`, { token: 'viewer', op: 'getIncident' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);

    const missing = await call('GET', '/api/v1/incidents/INC-ZZZZZZZZ', {
      token: 'viewer',
      op: 'getIncident',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const anonymous = await call('GET', `/api/v1/incidents/${created.id}`, {
      token: null,
      op: 'getIncident',
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /api/v1/incidents', () => {
  // A word no other test uses, so the filters are checked on this block's incidents only.
  const tag = `zq${Date.now().toString(36)}`;
  let a: { id: string };
  let b: { id: string };
  let c: { id: string };

  beforeAll(async () => {
    a = await createIncident({ title: `Database ${tag} failover`, sev: 1, services: ['db'] });
    b = await createIncident({
      title: 'Queue backlog',
      sev: 2,
      services: ['queue', 'db'],
      summary: `${tag} lag`,
    });
    c = await createIncident({ title: `Edge ${tag} errors`, sev: 2, services: ['edge'] });
    expect(
      (await call('POST', `/api/v1/incidents/${c.id}/status`, { body: { status: 'mitigated' } })).status,
    ).toBe(200);
  });

  const ids = (body: { id: string }[]) => body.map((i) => i.id);
  const list = async (query: string) => {
    const res = await call('GET', `/api/v1/incidents?${query}`, { token: 'viewer', op: 'listIncidents' });
    expect(res.status).toBe(200);
    return res;
  };

  it('returns a plain array, newest first, filtered by q over title and summary', async () => {
    const res = await list(`q=${tag.toUpperCase()}`);
    expect(Array.isArray(res.body)).toBe(true);
    expect(ids(res.body)).toEqual([c.id, b.id, a.id]);
  });

  it('filters by status, sev and service, alone and combined', async () => {
    expect(ids((await list(`q=${tag}&status=mitigated`)).body)).toEqual([c.id]);
    expect(ids((await list(`q=${tag}&status=open`)).body)).toEqual([b.id, a.id]);
    expect(ids((await list(`q=${tag}&sev=2`)).body)).toEqual([c.id, b.id]);
    expect(ids((await list(`q=${tag}&service=db`)).body)).toEqual([b.id, a.id]);
    expect(ids((await list(`q=${tag}&service=db&sev=1&status=open`)).body)).toEqual([a.id]);
    expect((await list(`q=${tag}&service=nothing-here`)).body).toEqual([]);
  });

  it('pages with limit, announcing the next page in Link and X-Next-Cursor', async () => {
    const first = await list(`q=${tag}&limit=2`);
    expect(ids(first.body)).toEqual([c.id, b.id]);
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBeTruthy();
    const link = first.headers.get('link')!;
    const next = /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
    expect(next).toBeDefined();
    const nextUrl = new URL(next!, base);
    expect(nextUrl.pathname).toBe('/api/v1/incidents');
    expect(nextUrl.searchParams.get('q')).toBe(tag);
    expect(nextUrl.searchParams.get('cursor')).toBe(cursor);

    const second = await call('GET', next!, { token: 'viewer', op: 'listIncidents' });
    expect(ids(second.body)).toEqual([a.id]);
    expect(second.headers.get('link')).toBeNull();
    expect(second.headers.get('x-next-cursor')).toBeNull();
  });

  it.each([
    ['sev=7', ['sev']],
    ['sev=two', ['sev']],
    ['status=closed', ['status']],
    ['limit=0', ['limit']],
    ['limit=501', ['limit']],
    ['sev=0&status=done', ['sev', 'status']],
  ])('refuses ?%s with 400 naming the parameter', async (query, expected) => {
    const res = await call('GET', `/api/v1/incidents?${query}`, { token: 'viewer', op: 'listIncidents' });
    expect(res.status).toBe(400);
    expect(fields(res.body).sort()).toEqual(expected);
  });

  it('refuses a cursor the graph does not recognise with 400 on `cursor`', async () => {
    const res = await call('GET', '/api/v1/incidents?cursor=not-a-cursor', {
      token: 'viewer',
      op: 'listIncidents',
    });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['cursor']);
  });
});

describe('POST /api/v1/incidents/{id}/assign', () => {
  it('names the commander as a manager; 403 for a responder; 400 without commander; 404 unknown id', async () => {
    const { id } = await createIncident({ title: 'Needs a lead', sev: 2 });
    const keys = await storedKeys();
    const responder = await call('POST', `/api/v1/incidents/${id}/assign`, {
      token: 'responder',
      body: { commander: 'user-7' },
      op: 'assignIncident',
    });
    expect(responder.status).toBe(403);
    const missing = await call('POST', `/api/v1/incidents/${id}/assign`, {
      token: 'manager',
      body: {},
      op: 'assignIncident',
    });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(['commander']);
    const wrongType = await call('POST', `/api/v1/incidents/${id}/assign`, {
      token: 'manager',
      body: { commander: 7 },
    });
    expect(fields(wrongType.body)).toEqual(['commander']);
    const ghost = await call('POST', `/api/v1/incidents/${id}/assign`, {
      token: 'manager',
      body: { commander: 'not-a-user' },
      op: 'assignIncident',
    });
    expect(ghost.status).toBe(400);
    expect(ghost.body.error.details).toEqual([{ field: 'commander', issue: 'no such user' }]);
    expect(await storedKeys()).toEqual(keys);

    // A commander must be a user; without the users service here, its event says one was created.
    await createUsers(redis, prefix, 'f6c74e13-8b4a-4b63-bf58-1c59a0c21840');
    const ok = await call('POST', `/api/v1/incidents/${id}/assign`, {
      token: 'manager',
      body: { commander: 'f6c74e13-8b4a-4b63-bf58-1c59a0c21840' },
      op: 'assignIncident',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id, commander: 'f6c74e13-8b4a-4b63-bf58-1c59a0c21840', version: 2 });

    const unknown = await call('POST', '/api/v1/incidents/INC-NOSUCH1/assign', {
      token: 'manager',
      body: { commander: 'f6c74e13-8b4a-4b63-bf58-1c59a0c21840' },
      op: 'assignIncident',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('POST /api/v1/incidents/{id}/status', () => {
  it('moves through the lifecycle with epoch-second stamps, and 409 on a forbidden move', async () => {
    const { id } = await createIncident({ title: 'Lifecycle', sev: 2 });
    const mitigated = await call('POST', `/api/v1/incidents/${id}/status`, {
      token: 'responder',
      body: { status: 'mitigated', note: 'failover done' },
      op: 'changeIncidentStatus',
    });
    expect(mitigated.status).toBe(200);
    expect(mitigated.body.status).toBe('mitigated');
    expect(Number.isInteger(mitigated.body.mitigated_at)).toBe(true);

    const resolved = await call('POST', `/api/v1/incidents/${id}/status`, {
      token: 'responder',
      body: { status: 'resolved' },
      op: 'changeIncidentStatus',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', mitigated_at: mitigated.body.mitigated_at });
    expect(Number.isInteger(resolved.body.resolved_at)).toBe(true);

    const forbidden = await call('POST', `/api/v1/incidents/${id}/status`, {
      token: 'responder',
      body: { status: 'mitigated' },
      op: 'changeIncidentStatus',
    });
    expect(forbidden.status).toBe(409);
    expect(forbidden.body.error.code).toBe('CONFLICT');
    expect(fields(forbidden.body)).toEqual(['status']);

    const stale = await call('POST', `/api/v1/incidents/${id}/status`, {
      token: 'responder',
      body: { status: 'open', expected_version: 1 },
      op: 'changeIncidentStatus',
    });
    expect(stale.status).toBe(409);
    const current = await call('GET', `/api/v1/incidents/${id}`, { token: 'viewer' });
    expect(current.body.status).toBe('resolved');
  });

  it('refuses an unknown status or a missing one with 400, and an unknown id with 404', async () => {
    const { id } = await createIncident({ title: 'Bad status', sev: 3 });
    const keys = await storedKeys();
    const unknown = await call('POST', `/api/v1/incidents/${id}/status`, { body: { status: 'closed' } });
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toEqual(['status']);
    expect(unknown.body.error.details[0].issue).toContain('open, mitigated, resolved');
    const missing = await call('POST', `/api/v1/incidents/${id}/status`, { body: {} });
    expect(fields(missing.body)).toEqual(['status']);
    const upper = await call('POST', `/api/v1/incidents/${id}/status`, { body: { status: 'RESOLVED' } });
    expect(upper.status).toBe(400);
    expect(await storedKeys()).toEqual(keys);
    const nobody = await call('POST', '/api/v1/incidents/INC-NOSUCH1/status', {
      body: { status: 'resolved' },
      op: 'changeIncidentStatus',
    });
    expect(nobody.status).toBe(404);
  });
});

describe('PATCH /api/v1/incidents/{id}', () => {
  it('edits the description and bumps the version; refuses an empty or invalid patch', async () => {
    const { id } = await createIncident({ title: 'Typo in titel', sev: 3 });
    const ok = await call('PATCH', `/api/v1/incidents/${id}`, {
      token: 'responder',
      body: { title: 'Typo in title', sev: 2, services: ['web'] },
      op: 'updateIncident',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: 'Typo in title', sev: 2, services: ['web'], version: 2 });
    const empty = await call('PATCH', `/api/v1/incidents/${id}`, { body: {}, op: 'updateIncident' });
    expect(empty.status).toBe(400);
    const status = await call('PATCH', `/api/v1/incidents/${id}`, {
      body: { status: 'resolved' },
      op: 'updateIncident',
    });
    expect(fields(status.body)).toEqual(['status']);
    const stale = await call('PATCH', `/api/v1/incidents/${id}`, {
      body: { title: 'x', expected_version: 1 },
    });
    expect(stale.status).toBe(409);
    const unknown = await call('PATCH', '/api/v1/incidents/INC-NOSUCH1', {
      body: { title: 'x' },
      op: 'updateIncident',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('timeline', () => {
  it('adds entries (200 with the event) and reads them oldest first, paged with after/limit', async () => {
    const { id } = await createIncident({ title: 'Timeline', sev: 2 });
    const before = Math.floor(Date.now() / 1000);
    const added = await call('POST', `/api/v1/incidents/${id}/timeline`, {
      token: 'responder',
      body: { type: 'note', message: 'Paged the DB team' },
      op: 'addTimelineEvent',
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      incident_id: id,
      type: 'note',
      message: 'Paged the DB team',
      author: 'user-responder',
    });
    expect(added.body.ts).toBeGreaterThanOrEqual(before);
    await call('POST', `/api/v1/incidents/${id}/timeline`, { body: { type: 'update', message: 'Second' } });

    const all = await call('GET', `/api/v1/incidents/${id}/timeline`, {
      token: 'viewer',
      op: 'listTimelineEvents',
    });
    expect(all.status).toBe(200);
    // The system records the creation first; then the two entries in the order they were added.
    expect(all.body.map((e: { type: string }) => e.type)).toEqual(['created', 'note', 'update']);
    const ts = all.body.map((e: { ts: number }) => e.ts);
    expect(ts).toEqual([...ts].sort((x, y) => x - y));

    const page = await call('GET', `/api/v1/incidents/${id}/timeline?limit=1`, {
      token: 'viewer',
      op: 'listTimelineEvents',
    });
    expect(page.body).toHaveLength(1);
    const after = page.headers.get('x-next-cursor')!;
    expect(page.headers.get('link')).toContain(`after=${encodeURIComponent(after)}`);
    const rest = await call(
      'GET',
      `/api/v1/incidents/${id}/timeline?after=${encodeURIComponent(all.body[1].id)}`,
      {
        token: 'viewer',
        op: 'listTimelineEvents',
      },
    );
    expect(rest.body.map((e: { message: string }) => e.message)).toEqual(['Second']);
  });

  it('refuses an unknown type or a missing message with 400, and an unknown incident with 404', async () => {
    const { id } = await createIncident({ title: 'Timeline errors', sev: 4 });
    const keys = await storedKeys();
    const type = await call('POST', `/api/v1/incidents/${id}/timeline`, {
      body: { type: 'created', message: 'x' },
    });
    expect(type.status).toBe(400);
    expect(fields(type.body)).toEqual(['type']);
    const message = await call('POST', `/api/v1/incidents/${id}/timeline`, { body: { type: 'note' } });
    expect(fields(message.body)).toEqual(['message']);
    expect(await storedKeys()).toEqual(keys);
    const missing = await call('POST', '/api/v1/incidents/INC-NOSUCH1/timeline', {
      body: { type: 'note', message: 'x' },
      op: 'addTimelineEvent',
    });
    expect(missing.status).toBe(404);
    const read = await call('GET', '/api/v1/incidents/INC-NOSUCH1/timeline', { op: 'listTimelineEvents' });
    expect(read.status).toBe(404);
  });
});

describe('postmortem', () => {
  it('saves versions from string and object action items, and reads the current one with its history', async () => {
    const { id } = await createIncident({ title: 'Postmortem', sev: 1 });
    const none = await call('GET', `/api/v1/incidents/${id}/postmortem`, {
      token: 'viewer',
      op: 'getPostmortem',
    });
    expect(none.status).toBe(404);

    const first = await call('POST', `/api/v1/incidents/${id}/postmortem`, {
      token: 'manager',
      body: {
        what_happened: 'Disk full',
        root_cause: 'Log rotation off',
        action_items: ['Turn rotation on'],
      },
      op: 'submitPostmortem',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      incident_id: id,
      version: 1,
      edited_by: 'user-manager',
      action_items: [{ text: 'Turn rotation on', owner: null, done: false }],
    });
    expect(Number.isInteger(first.body.edited_at)).toBe(true);

    const second = await call('POST', `/api/v1/incidents/${id}/postmortem`, {
      token: 'manager',
      body: {
        what_happened: 'Disk full on db-1',
        root_cause: 'Log rotation off',
        impact: 'Writes failed for 20 minutes',
        action_items: ['Alert on disk use', { text: 'Turn rotation on', owner: 'user-ops', done: true }],
      },
      op: 'submitPostmortem',
    });
    expect(second.body.version).toBe(2);
    expect(second.body.action_items).toEqual([
      { text: 'Alert on disk use', owner: null, done: false },
      { text: 'Turn rotation on', owner: 'user-ops', done: true },
    ]);

    const read = await call('GET', `/api/v1/incidents/${id}/postmortem`, {
      token: 'viewer',
      op: 'getPostmortem',
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ version: 2, impact: 'Writes failed for 20 minutes' });
    expect(read.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('refuses missing fields and bad action items with 400, a responder with 403, an unknown id with 404', async () => {
    const { id } = await createIncident({ title: 'Postmortem errors', sev: 2 });
    const keys = await storedKeys();
    const missing = await call('POST', `/api/v1/incidents/${id}/postmortem`, {
      token: 'manager',
      body: { what_happened: 'x' },
      op: 'submitPostmortem',
    });
    expect(missing.status).toBe(400);
    expect(fields(missing.body).sort()).toEqual(['action_items', 'root_cause']);
    const badItem = await call('POST', `/api/v1/incidents/${id}/postmortem`, {
      token: 'manager',
      body: { what_happened: 'x', root_cause: 'y', action_items: ['ok', 42, { owner: 'u' }] },
    });
    expect(fields(badItem.body)).toEqual(['action_items[1]', 'action_items[2].text']);
    const responder = await call('POST', `/api/v1/incidents/${id}/postmortem`, {
      token: 'responder',
      body: { what_happened: 'x', root_cause: 'y', action_items: [] },
      op: 'submitPostmortem',
    });
    expect(responder.status).toBe(403);
    expect(await storedKeys()).toEqual(keys);
    const unknownRead = await call('GET', '/api/v1/incidents/INC-NOSUCH1/postmortem', {
      op: 'getPostmortem',
    });
    expect(unknownRead.status).toBe(404);
    const unknown = await call('POST', '/api/v1/incidents/INC-NOSUCH1/postmortem', {
      token: 'manager',
      body: { what_happened: 'x', root_cause: 'y', action_items: [] },
      op: 'submitPostmortem',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('acknowledgement, roles and action items', () => {
  it('refuses unknown and disabled users, an unknown role, a bad due date or status and an unknown incident, storing nothing', async () => {
    const { id } = await createIncident({ title: 'Response refusals', sev: 2 });
    await createUsers(redis, prefix, 'holder-on', 'holder-off');
    await appendUserEvent(redis, prefix, 'user.disabled', 'holder-off');
    // One accepted assignment first, so the incidents domain has caught up on the users events before the snapshot.
    const accepted = await call('PUT', `/api/v1/incidents/${id}/roles/scribe/holder-on`, {
      token: 'responder',
      op: 'assignIncidentRole',
    });
    expect(accepted.status).toBe(200);
    const keys = await storedKeys();
    const incident = (await call('GET', `/api/v1/incidents/${id}`)).body;

    const cases: [string, string, unknown, number, string[], string][] = [
      ['POST', '/api/v1/incidents/INC-NOSUCH1/acknowledge', undefined, 404, ['id'], 'acknowledgeIncident'],
      [
        'PUT',
        `/api/v1/incidents/${id}/roles/scribe/nobody`,
        undefined,
        400,
        ['user_id'],
        'assignIncidentRole',
      ],
      [
        'PUT',
        `/api/v1/incidents/${id}/roles/scribe/holder-off`,
        undefined,
        400,
        ['user_id'],
        'assignIncidentRole',
      ],
      [
        'PUT',
        `/api/v1/incidents/${id}/roles/captain/holder-on`,
        undefined,
        400,
        ['role'],
        'assignIncidentRole',
      ],
      [
        'PUT',
        '/api/v1/incidents/INC-NOSUCH1/roles/scribe/holder-on',
        undefined,
        404,
        ['id'],
        'assignIncidentRole',
      ],
      [
        'POST',
        `/api/v1/incidents/${id}/action-items`,
        { text: 'x', owner: 'nobody' },
        400,
        ['owner'],
        'createActionItem',
      ],
      [
        'POST',
        `/api/v1/incidents/${id}/action-items`,
        { text: 'x', owner: 'holder-off' },
        400,
        ['owner'],
        'createActionItem',
      ],
      [
        'POST',
        `/api/v1/incidents/${id}/action-items`,
        { text: 'x', due_date: '2026-02-30' },
        400,
        ['due_date'],
        'createActionItem',
      ],
      ['POST', '/api/v1/incidents/INC-NOSUCH1/action-items', { text: 'x' }, 404, ['id'], 'createActionItem'],
      ['PATCH', '/api/v1/action-items/ACT-NOSUCH1', { status: 'done' }, 404, ['id'], 'updateActionItem'],
      ['GET', '/api/v1/action-items?status=closed', undefined, 400, ['status'], 'listActionItems'],
    ];
    for (const [method, path, body, status, expected, op] of cases) {
      const res = await call(method, path, { token: 'responder', body, op });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(fields(res.body), `${method} ${path}`).toEqual(expected);
    }
    expect(await storedKeys()).toEqual(keys);
    expect((await call('GET', `/api/v1/incidents/${id}`)).body).toEqual(incident);
  });

  it('answers a stats period that ends before it starts with 400 on `to`', async () => {
    const res = await call('GET', '/api/v1/incidents/stats?from=2000&to=1000', { op: 'getIncidentStats' });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['to']);
  });
});

describe('documents and limits', () => {
  it('serves the OpenAPI file byte for byte and renders docs with no third-party assets', async () => {
    const yaml = await fetch(`${base}/swagger.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toBe(readFileSync(INCIDENTS_SWAGGER, 'utf8'));
    const docs = await fetch(`${base}/docs`);
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain('swagger-ui');
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    const bundle = await fetch(`${base}/docs/static/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });

  it('passes the gateway’s rate limit on as 429 with Retry-After', async () => {
    const limited = await startAdapter(
      await startGateway({ RATE_LIMIT_PER_SECOND: '0.01', RATE_LIMIT_BURST: '1' }),
    );
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${limited.address}/api/v1/incidents`, {
        headers: { authorization: 'Bearer viewer' },
      });
      statuses.push(last.status);
    }
    expect(statuses).toContain(429);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last!.json()) as Body;
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(check('listIncidents', 429, body)).toEqual([]);
  });

  it('answers 503 when the gateway is down, and says so in /readyz', async () => {
    const orphan = await startAdapter('http://127.0.0.1:1/graphql');
    const res = await fetch(`${orphan.address}/api/v1/incidents`, {
      headers: { authorization: 'Bearer viewer' },
    });
    expect(res.status).toBe(503);
    const body = (await res.json()) as Body;
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(check('listIncidents', 503, body)).toEqual([]);
    expect((await fetch(`${orphan.address}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
