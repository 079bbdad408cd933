import { readFileSync } from 'node:fs';
import { deletePrefix, TEST_INTERNAL_SECRET, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../gateway/src/compose/compose.ts';
import { loadGatewayEnv } from '../gateway/src/config.ts';
import { CLOSE } from '../gateway/src/realtime/close-codes.ts';
import { collect, wsClient } from '../gateway/src/realtime/test-support/realtime-harness.ts';
import { buildGatewayService } from '../gateway/src/server.ts';
import { loadIncidentsRestEnv } from '../rest-adapters/incidents/src/config.ts';
import { buildIncidentsRestService } from '../rest-adapters/incidents/src/server.ts';
import { loadIncidentsEnv } from '../subgraphs/incidents/src/config.ts';
import { buildIncidentsService } from '../subgraphs/incidents/src/server.ts';
import { loadUsersEnv } from '../subgraphs/users/src/config.ts';
import { buildUsersService } from '../subgraphs/users/src/server.ts';

/**
 * Live updates end to end: the real users and incidents subgraphs on Redis, two gateways (each with its realtime
 * server: two realtime processes side by side), the incidents REST adapter. Changes go in through REST; events
 * come out of graphql-ws with their federated fields (the commander's name and email come from users).
 * Tokens are real: sessions from the users service, verified by the gateway's own authenticator.
 */

const prefix = uniquePrefix('e2e-realtime');
const redis = testRedis();
const common = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  POLYSTATUS_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
  REDIS_KEY_PREFIX: prefix,
};

const tag = prefix.split(':').at(-1);
const admin = { email: `admin-${tag}@e2e.polystatus.test`, password: `e2e-admin-${tag}-password` };
const tokens = { admin: '', viewer: '' };

const running: { close(): Promise<void> }[] = [];
const clients: { dispose(): void | Promise<void> }[] = [];
let gatewayUrl = '';
let wsA = '';
let wsB = '';
let rest = '';
let commander = { id: '', name: 'Grace Hopper', email: '' };
let viewerCredentials = { email: '', password: '' };

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id } } }';
type Login = { login: { accessToken: string; refreshToken: string; user: { id: string } } };

async function createUser(name: string, role: string, password?: string) {
  const email = `${name.toLowerCase().replace(/\W/g, '-')}-${tag}@e2e.polystatus.test`;
  const input = { name, email, role, ...(password ? { password } : {}) };
  const created = await graphql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input },
    tokens.admin,
  );
  return { id: created.createUser.id, name, email };
}

/** Every REST change is made by the admin, whose role covers responder and manager. */
async function call(method: string, path: string, _role: string, body?: unknown) {
  const res = await fetch(`${rest}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens.admin}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const client = (url: string, role?: keyof typeof tokens | 'forged') => {
  const c = wsClient(url, role === 'forged' ? 'forged.jwt.token' : role ? tokens[role] : undefined);
  clients.push(c);
  return c;
};

/** The server registers a subscription a moment after the client sends it. */
const settle = () => new Promise((r) => setTimeout(r, 150));

const CHANGES = `subscription Changes($ids: [ID!], $after: String) {
  incidentChanged(filter: { incidentIds: $ids }, after: $after) {
    cursor kind incidentId
    incident { title status commander { name email } }
  }
}`;
const TIMELINE = `subscription Timeline($id: ID!, $after: String) {
  incidentTimeline(incidentId: $id, after: $after) {
    cursor
    event { type message system }
    incident { id commander { name } }
  }
}`;

type Change = {
  cursor: string;
  kind: string;
  incidentId: string;
  incident: { title: string; status: string; commander: { name: string; email: string } | null };
};
type TimelineUpdate = {
  cursor: string;
  event: { type: string; message: string; system: boolean };
  incident: { id: string };
};
const changes = (s: ReturnType<typeof collect>) =>
  s.results.map((r) => (r.data as { incidentChanged: Change }).incidentChanged);
const entries = (s: ReturnType<typeof collect>) =>
  s.results.map((r) => (r.data as { incidentTimeline: TimelineUpdate }).incidentTimeline);

beforeAll(async () => {
  const users = await buildUsersService(
    loadUsersEnv({
      ...common,
      PORT: '0',
      POLYSTATUS_ADMIN_EMAIL: admin.email,
      POLYSTATUS_ADMIN_PASSWORD: admin.password,
    }),
  );
  running.push(users);
  const incidents = await buildIncidentsService(loadIncidentsEnv({ ...common, PORT: '0' }));
  running.push(incidents);
  const usersBase = await users.listen();
  const urls = { users: `${usersBase}/graphql`, incidents: `${await incidents.listen()}/graphql` };
  const composed = composeSupergraph(
    (['incidents', 'users'] as const).map((name) => {
      const file = `subgraphs/${name}/schema.graphql`;
      return {
        name,
        url: urls[name],
        file,
        sdl: readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'),
      };
    }),
  );
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const gateway = async () => {
    const env = loadGatewayEnv(
      {
        ...common,
        PORT: '0',
        USERS_URL: urls.users,
        INCIDENTS_URL: urls.incidents,
        USERS_SERVICE_URL: usersBase,
        RATE_LIMIT_PER_SECOND: '0',
      },
      composed.supergraphSdl,
    );
    const g = await buildGatewayService(env);
    running.push(g);
    return `${(await g.listen()).replace('http', 'ws')}/graphql`;
  };
  [wsA, wsB] = [await gateway(), await gateway()];
  const adapter = await buildIncidentsRestService(
    loadIncidentsRestEnv({ ...common, PORT: '0', GATEWAY_URL: wsA.replace('ws', 'http') }),
  );
  running.push(adapter);
  rest = await adapter.listen();

  gatewayUrl = wsA.replace('ws', 'http');
  tokens.admin = (await graphql<Login>(LOGIN, { e: admin.email, p: admin.password })).login.accessToken;
  const viewerPassword = `e2e-viewer-${tag}-password`;
  const viewer = await createUser('Vera Viewer', 'VIEWER', viewerPassword);
  viewerCredentials = { email: viewer.email, password: viewerPassword };
  tokens.viewer = (await graphql<Login>(LOGIN, { e: viewer.email, p: viewerPassword })).login.accessToken;
  commander = await createUser(commander.name, 'RESPONDER');
});

afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
});

afterAll(async () => {
  for (const service of running.reverse()) await service.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('live updates over graphql-ws', () => {
  it('delivers a change made through the REST adapter within a second, with its federated fields', async () => {
    const sub = collect(client(wsA, 'viewer'), CHANGES);
    await settle();
    const incident = await call('POST', '/api/v1/incidents', 'responder', {
      title: 'Checkout errors',
      sev: 2,
    });
    await sub.next(1, 1000);
    expect(changes(sub)[0]).toMatchObject({
      kind: 'CREATED',
      incidentId: incident.id,
      incident: { title: 'Checkout errors', status: 'OPEN', commander: null },
    });

    const sent = Date.now();
    await call('POST', `/api/v1/incidents/${incident.id}/assign`, 'manager', { commander: commander.id });
    await sub.next(2, 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(changes(sub)[1]).toMatchObject({
      kind: 'COMMANDER_ASSIGNED',
      incident: { commander: { name: commander.name, email: commander.email } },
    });
  });

  it('streams an incident timeline, the new entry and the incident, within a second', async () => {
    const incident = await call('POST', '/api/v1/incidents', 'responder', { title: 'DNS flapping', sev: 3 });
    await call('POST', `/api/v1/incidents/${incident.id}/assign`, 'manager', { commander: commander.id });
    const sub = collect(client(wsA, 'viewer'), TIMELINE, { id: incident.id });
    await settle();
    const sent = Date.now();
    const note = await call('POST', `/api/v1/incidents/${incident.id}/timeline`, 'responder', {
      type: 'update',
      message: 'Resolver pool drained',
    });
    await sub.next(1, 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(entries(sub)[0]).toEqual({
      cursor: note.id,
      event: { type: 'UPDATE', message: 'Resolver pool drained', system: false },
      incident: { id: incident.id, commander: { name: commander.name } },
    });
  });

  it('resumes with after: exactly the missed changes first, then live ones', async () => {
    const incident = await call('POST', '/api/v1/incidents', 'responder', { title: 'Queue backlog', sev: 2 });
    const first = collect(client(wsA, 'viewer'), CHANGES, { ids: [incident.id] });
    await settle();
    await call('PATCH', `/api/v1/incidents/${incident.id}`, 'responder', { sev: 1 });
    await first.next(1);
    const seen = changes(first)[0]!.cursor;
    first.dispose();

    await call('POST', `/api/v1/incidents/${incident.id}/status`, 'responder', { status: 'mitigated' });
    await call('POST', `/api/v1/incidents/${incident.id}/assign`, 'manager', { commander: commander.id });
    await call('POST', `/api/v1/incidents/${incident.id}/status`, 'responder', { status: 'resolved' });

    const resumed = collect(client(wsB, 'viewer'), CHANGES, { ids: [incident.id], after: seen });
    await resumed.next(3);
    expect(changes(resumed).map((c) => c.kind)).toEqual([
      'STATUS_CHANGED',
      'COMMANDER_ASSIGNED',
      'STATUS_CHANGED',
    ]);
    await call('POST', `/api/v1/incidents/${incident.id}/status`, 'responder', { status: 'open' });
    await resumed.next(4);
    await new Promise((r) => setTimeout(r, 300));
    const cursors = changes(resumed).map((c) => c.cursor);
    expect(cursors).toHaveLength(4);
    expect(new Set(cursors).size).toBe(4);
    expect(changes(resumed)[3]).toMatchObject({ kind: 'STATUS_CHANGED', incident: { status: 'OPEN' } });
  });

  it('resumes a timeline from the last entry id seen', async () => {
    const incident = await call('POST', '/api/v1/incidents', 'responder', {
      title: 'Cache stampede',
      sev: 2,
    });
    const first = collect(client(wsA, 'viewer'), TIMELINE, { id: incident.id });
    await settle();
    await call('POST', `/api/v1/incidents/${incident.id}/timeline`, 'responder', {
      type: 'note',
      message: 'one',
    });
    await first.next(1);
    const seen = entries(first)[0]!.cursor;
    first.dispose();
    await call('POST', `/api/v1/incidents/${incident.id}/timeline`, 'responder', {
      type: 'note',
      message: 'two',
    });
    await call('POST', `/api/v1/incidents/${incident.id}/timeline`, 'responder', {
      type: 'note',
      message: 'three',
    });

    const resumed = collect(client(wsA, 'viewer'), TIMELINE, { id: incident.id, after: seen });
    await resumed.next(2);
    await call('POST', `/api/v1/incidents/${incident.id}/timeline`, 'responder', {
      type: 'note',
      message: 'four',
    });
    await resumed.next(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(entries(resumed).map((e) => e.event.message)).toEqual(['two', 'three', 'four']);
  });

  it('refuses an unauthorized subscription', async () => {
    const anonymous = collect(client(wsA), CHANGES);
    await anonymous.failed();
    expect(anonymous.failure).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
    const forged = client(wsA, 'forged');
    collect(forged, CHANGES);
    expect((await forged.closed).code).toBe(CLOSE.UNAUTHORIZED);
  });

  it('two realtime processes both deliver every event to their own clients', async () => {
    const onA = collect(client(wsA, 'viewer'), CHANGES);
    const onB = collect(client(wsB, 'admin'), CHANGES);
    await settle();
    const incident = await call('POST', '/api/v1/incidents', 'responder', { title: 'Both see me', sev: 4 });
    await Promise.all([onA.next(1, 1000), onB.next(1, 1000)]);
    expect(changes(onA)[0]).toMatchObject({ kind: 'CREATED', incidentId: incident.id });
    expect(changes(onB)[0]).toEqual(changes(onA)[0]);
  });

  it('ends the subscriptions of a session that logs out', async () => {
    const session = (
      await graphql<Login>(LOGIN, { e: viewerCredentials.email, p: viewerCredentials.password })
    ).login;
    const socket = wsClient(wsA, session.accessToken);
    clients.push(socket);
    const sub = collect(socket, CHANGES);
    await settle();
    const sent = Date.now();
    await graphql('mutation($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken });
    expect((await socket.closed).code).toBe(CLOSE.UNAUTHORIZED);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(sub.results).toEqual([]);
  });
});
