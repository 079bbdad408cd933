import { randomBytes } from 'node:crypto';
import { loadSpec } from '@polystatus/rest-kit';
import { responseChecker } from '@polystatus/rest-kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '../gateway/src/realtime/test-support/realtime-harness.ts';
import { INCIDENTS_SWAGGER } from '../rest-adapters/incidents/src/server.ts';
import { fieldsOf, type HttpAnswer, call as http, type Json } from './support/http.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * Incident response in depth (issue 11) through the real processes (REST adapter → gateway → incidents and users
 * subgraphs → Redis): acknowledgement, response roles, tracked action items and the MTTA/MTTR figures over the
 * routes of swaggers/incidents.yaml, valid and invalid (each answer checked against the file), and a role change
 * seen live over graphql-ws. People are real users of the users service, so "unknown" and "disabled" are the
 * users domain's own answers, as the incidents domain learns them from its events.
 */

const uid = () => randomBytes(4).toString('hex');
const check = responseChecker(loadSpec(INCIDENTS_SWAGGER));

let stack: Stack;
let usersApi = '';
let api = '';
let adminToken = '';
/** Two responders (acknowledging at once), a viewer (refused writes), and users to hold roles and own items. */
const people = {} as Record<
  'responder' | 'responder2' | 'viewer' | 'ann' | 'bob' | 'off',
  { id: string; token: string }
>;

async function login(email: string, password: string) {
  const res = await http('POST', `${usersApi}/api/v1/auth/login`, { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

async function createUser(role: string) {
  const email = `${role}-${uid()}@e2e.polystatus.test`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const res = await http('POST', `${usersApi}/api/v1/users`, {
    token: adminToken,
    body: { name: `${role} person`, email, role, team: 'SRE', password },
  });
  if (res.status !== 201) throw new Error(`create ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, token: await login(email, password) };
}

/** A request to the incidents adapter; `op` checks the answer against what the swagger documents for it. */
async function call(
  method: string,
  path: string,
  opts: { as?: keyof typeof people | null; body?: unknown; raw?: string; op?: string } = {},
): Promise<HttpAnswer> {
  const token = opts.as === null ? undefined : people[opts.as ?? 'responder'].token;
  const res = await http(method, `${api}${path}`, { token, body: opts.body, raw: opts.raw });
  if (opts.op) expect(check(opts.op, res.status, res.body), `${method} ${path}`).toEqual([]);
  return res;
}

async function newIncident(title = `Checkout errors ${uid()}`, services = ['checkout']) {
  const res = await call('POST', '/api/v1/incidents', {
    body: { title, sev: 2, services },
    op: 'createIncident',
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

const getIncident = async (id: string) =>
  (await call('GET', `/api/v1/incidents/${id}`, { op: 'getIncident' })).body;
const timelineTypes = async (id: string): Promise<string[]> =>
  (await call('GET', `/api/v1/incidents/${id}/timeline`, { op: 'listTimelineEvents' })).body.map(
    (e: { type: string }) => e.type,
  );

/** A refusal: the status, the error code and exactly the fields named. */
function refused(res: HttpAnswer, status: number, code: string, fields: string[]) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(fieldsOf(res)).toEqual([...fields].sort());
}

beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_PER_SECOND: '0' } });
  usersApi = stack.urls['rest-users']!;
  api = stack.urls['rest-incidents']!;
  adminToken = await login(stack.admin.email, stack.admin.password);
  for (const [key, role] of [
    ['responder', 'responder'],
    ['responder2', 'responder'],
    ['viewer', 'viewer'],
    ['ann', 'viewer'],
    ['bob', 'viewer'],
    ['off', 'viewer'],
  ] as const) {
    people[key] = await createUser(role);
  }
  const disabled = await http('POST', `${usersApi}/api/v1/users/${people.off.id}/disable`, {
    token: adminToken,
  });
  expect(disabled.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe('POST /api/v1/incidents/{id}/acknowledge', () => {
  it('records one acknowledgement when two responders acknowledge at the same moment, and answers both', async () => {
    const { id } = await newIncident();
    const before = Math.floor(Date.now() / 1000);
    const [a, b] = await Promise.all([
      call('POST', `/api/v1/incidents/${id}/acknowledge`, { as: 'responder', op: 'acknowledgeIncident' }),
      call('POST', `/api/v1/incidents/${id}/acknowledge`, { as: 'responder2', op: 'acknowledgeIncident' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.acknowledged, b.body.acknowledged].sort()).toEqual([false, true]);
    const winner = (a.body.acknowledged ? a : b).body.incident;
    expect([people.responder.id, people.responder2.id]).toContain(winner.acknowledged_by);
    expect(a.body.incident.acknowledged_by).toBe(winner.acknowledged_by);
    expect(b.body.incident.acknowledged_by).toBe(winner.acknowledged_by);
    expect(winner.acknowledged_at).toBeGreaterThanOrEqual(before - 1);

    const again = await call('POST', `/api/v1/incidents/${id}/acknowledge`, { op: 'acknowledgeIncident' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ acknowledged: false, incident: await getIncident(id) });
    expect((await timelineTypes(id)).filter((t) => t === 'acknowledged')).toHaveLength(1);
  });

  it('acknowledges implicitly on mitigation, so the figure always exists', async () => {
    const { id } = await newIncident();
    expect((await getIncident(id)).acknowledged_at).toBeNull();
    const moved = await call('POST', `/api/v1/incidents/${id}/status`, {
      body: { status: 'mitigated' },
      op: 'changeIncidentStatus',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.acknowledged_by).toBe(people.responder.id);
    expect(moved.body.acknowledged_at).toBe(moved.body.mitigated_at);
  });

  it('answers an unknown incident with 404 naming id, a viewer with 403, no token with 401', async () => {
    refused(
      await call('POST', '/api/v1/incidents/INC-NOSUCH00/acknowledge', { op: 'acknowledgeIncident' }),
      404,
      'NOT_FOUND',
      ['id'],
    );
    const { id, version } = await newIncident();
    refused(
      await call('POST', `/api/v1/incidents/${id}/acknowledge`, { as: 'viewer', op: 'acknowledgeIncident' }),
      403,
      'FORBIDDEN',
      [],
    );
    const anonymous = await call('POST', `/api/v1/incidents/${id}/acknowledge`, { as: null });
    expect(anonymous.status).toBe(401);
    expect((await getIncident(id)).version).toBe(version);
  });
});

describe('response roles: /api/v1/incidents/{id}/roles', () => {
  const holders = (res: HttpAnswer) =>
    res.body.map((r: { role: string; user: string }) => `${r.role}:${r.user}`).sort();

  it('assigns, passes on and unassigns roles, each change a timeline entry by whoever made it', async () => {
    const { id } = await newIncident();
    const roles = `/api/v1/incidents/${id}/roles`;
    const scribeAnn = await call('PUT', `${roles}/scribe/${people.ann.id}`, { op: 'assignIncidentRole' });
    expect(scribeAnn.status).toBe(200);
    expect(scribeAnn.body).toEqual([
      {
        role: 'scribe',
        user: people.ann.id,
        assigned_at: expect.any(Number),
        assigned_by: people.responder.id,
      },
    ]);
    // A single-holder role passes on; responders are any number.
    await call('PUT', `${roles}/scribe/${people.bob.id}`, { op: 'assignIncidentRole' });
    await call('PUT', `${roles}/responder/${people.ann.id}`, { op: 'assignIncidentRole' });
    const both = await call('PUT', `${roles}/responder/${people.bob.id}`, {
      as: 'responder2',
      op: 'assignIncidentRole',
    });
    const expected = [
      `responder:${people.ann.id}`,
      `responder:${people.bob.id}`,
      `scribe:${people.bob.id}`,
    ].sort();
    expect(holders(both)).toEqual(expected);

    const listed = await call('GET', roles, { as: 'viewer', op: 'listIncidentRoles' });
    expect(listed.status).toBe(200);
    expect(holders(listed)).toEqual(expected);

    // Holding a role already, or not holding the one taken away: 200 and nothing changes.
    const version = (await getIncident(id)).version;
    expect((await call('PUT', `${roles}/scribe/${people.bob.id}`, { op: 'assignIncidentRole' })).status).toBe(
      200,
    );
    const relieved = await call('DELETE', `${roles}/responder/${people.ann.id}`, {
      op: 'unassignIncidentRole',
    });
    expect(relieved.status).toBe(200);
    expect(holders(relieved)).toEqual([`responder:${people.bob.id}`, `scribe:${people.bob.id}`]);
    expect(
      (await call('DELETE', `${roles}/responder/${people.ann.id}`, { op: 'unassignIncidentRole' })).status,
    ).toBe(200);
    expect((await getIncident(id)).version).toBe(version + 1);

    const timeline = await call('GET', `/api/v1/incidents/${id}/timeline`, { op: 'listTimelineEvents' });
    const roleEntries = timeline.body.filter((e: { type: string }) => e.type.startsWith('role_'));
    expect(roleEntries.map((e: { type: string }) => e.type)).toEqual([
      'role_assigned',
      'role_assigned',
      'role_assigned',
      'role_assigned',
      'role_unassigned',
    ]);
    expect(roleEntries.every((e: { system: boolean }) => e.system)).toBe(true);
    expect(roleEntries.map((e: { author: string }) => e.author)).toEqual([
      people.responder.id,
      people.responder.id,
      people.responder.id,
      people.responder2.id,
      people.responder.id,
    ]);
    // People are named as the users service calls them, and a rename reaches the entries written after it; the
    // user an entry is about stays machine-readable in `subject`.
    expect(roleEntries[0].message).toBe('Scribe assigned: viewer person');
    expect(roleEntries.map((e: { subject: string }) => e.subject)).toEqual([
      people.ann.id,
      people.bob.id,
      people.ann.id,
      people.bob.id,
      people.ann.id,
    ]);
    const renamed = await http('PUT', `${usersApi}/api/v1/users/${people.bob.id}`, {
      token: adminToken,
      body: { name: 'Bob Builder' },
    });
    expect(renamed.status).toBe(200);
    await call('PUT', `${roles}/scribe/${people.ann.id}`, { op: 'assignIncidentRole' });
    const latest = await call('GET', `/api/v1/incidents/${id}/timeline`, { op: 'listTimelineEvents' });
    expect(latest.body.at(-1).message).toBe('Scribe assigned: viewer person (was Bob Builder)');
  });

  it('refuses an unknown user, a disabled user and an unknown role naming the field, and stores nothing', async () => {
    const { id, version } = await newIncident();
    const roles = `/api/v1/incidents/${id}/roles`;
    const ghost = await call('PUT', `${roles}/scribe/no-such-user-${uid()}`, { op: 'assignIncidentRole' });
    refused(ghost, 400, 'VALIDATION', ['user_id']);
    expect(ghost.body.error.details[0].issue).toBe('no such user');
    const off = await call('PUT', `${roles}/scribe/${people.off.id}`, { op: 'assignIncidentRole' });
    refused(off, 400, 'VALIDATION', ['user_id']);
    expect(off.body.error.details[0].issue).toBe('user is disabled');
    refused(
      await call('PUT', `${roles}/chief_of_snacks/${people.ann.id}`, { op: 'assignIncidentRole' }),
      400,
      'VALIDATION',
      ['role'],
    );
    refused(
      await call('DELETE', `${roles}/commander/${people.ann.id}`, { op: 'unassignIncidentRole' }),
      400,
      'VALIDATION',
      ['role'],
    );
    refused(
      await call('PUT', `${roles}/scribe/${people.ann.id}`, { as: 'viewer', op: 'assignIncidentRole' }),
      403,
      'FORBIDDEN',
      [],
    );
    refused(
      await call('PUT', `/api/v1/incidents/INC-NOSUCH00/roles/scribe/${people.ann.id}`, {
        op: 'assignIncidentRole',
      }),
      404,
      'NOT_FOUND',
      ['id'],
    );
    refused(
      await call('GET', '/api/v1/incidents/INC-NOSUCH00/roles', { op: 'listIncidentRoles' }),
      404,
      'NOT_FOUND',
      [],
    );
    expect((await getIncident(id)).version).toBe(version);
    expect((await call('GET', roles, { op: 'listIncidentRoles' })).body).toEqual([]);
  });
});

describe('action items: /api/v1/action-items and /api/v1/incidents/{id}/action-items', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('creates, reads, lists with filters and pages, and changes items without a postmortem', async () => {
    const { id } = await newIncident();
    const create = (body: Json) =>
      call('POST', `/api/v1/incidents/${id}/action-items`, { body, op: 'createActionItem' });
    const yesterday = now() - 86_400;
    const late = await create({ text: 'Alert on queue depth', owner: people.ann.id, due_date: yesterday });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({
      id: expect.stringMatching(/^ACT-/),
      incident_id: id,
      text: 'Alert on queue depth',
      owner: people.ann.id,
      status: 'open',
      overdue: true,
      due_date: yesterday,
      created_by: people.responder.id,
      version: 1,
    });
    const later = (
      await create({ text: 'Runbook for failover', owner: people.ann.id, due_date: now() + 86_400 })
    ).body;
    const unowned = (await create({ text: 'Load test the new pool' })).body;
    expect(unowned).toMatchObject({ owner: null, due_date: null, overdue: false });

    const got = await call('GET', `/api/v1/action-items/${late.body.id}`, {
      as: 'viewer',
      op: 'getActionItem',
    });
    expect(got.body).toEqual(late.body);

    const list = async (query: string) => {
      const res = await call('GET', `/api/v1/action-items?${query}`, { as: 'viewer', op: 'listActionItems' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res;
    };
    const ids = (res: HttpAnswer) => res.body.map((i: { id: string }) => i.id);
    expect(ids(await list(`incident_id=${id}`))).toEqual([unowned.id, later.id, late.body.id]);
    expect(ids(await list(`incident_id=${id}&owner=${people.ann.id}`))).toEqual([later.id, late.body.id]);
    expect(ids(await list(`owner=${people.ann.id}&overdue=true`))).toEqual([late.body.id]);
    expect(ids(await list(`incident_id=${id}&overdue=false`))).toEqual([unowned.id, later.id]);

    const first = await list(`incident_id=${id}&limit=2`);
    expect(ids(first)).toEqual([unowned.id, later.id]);
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBeTruthy();
    expect(first.headers.get('link')).toContain(`incident_id=${id}`);
    const second = await list(`incident_id=${id}&limit=2&cursor=${encodeURIComponent(cursor!)}`);
    expect(ids(second)).toEqual([late.body.id]);
    expect(second.headers.get('x-next-cursor')).toBeNull();

    // Changes are audited on the incident's timeline and need no postmortem version.
    const done = await call('PATCH', `/api/v1/action-items/${late.body.id}`, {
      body: { status: 'done', expected_version: 1 },
      op: 'updateActionItem',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', overdue: false, version: 2 });
    const cleared = await call('PATCH', `/api/v1/action-items/${later.id}`, {
      body: { owner: null, due_date: null },
      op: 'updateActionItem',
    });
    expect(cleared.body).toMatchObject({ owner: null, due_date: null, text: 'Runbook for failover' });
    expect(ids(await list(`status=done&incident_id=${id}`))).toEqual([late.body.id]);
    const types = await timelineTypes(id);
    expect(types.filter((t) => t === 'action_item_created')).toHaveLength(3);
    expect(types.filter((t) => t === 'action_item_updated')).toHaveLength(2);
    const postmortem = await call('GET', `/api/v1/incidents/${id}/postmortem`, { op: 'getPostmortem' });
    expect(postmortem.status).toBe(404);

    const stale = await call('PATCH', `/api/v1/action-items/${late.body.id}`, {
      body: { text: 'Alert on queue age', expected_version: 1 },
      op: 'updateActionItem',
    });
    refused(stale, 409, 'CONFLICT', ['expected_version']);
  });

  it('refuses a bad due date, a status outside the enum, unknown and disabled owners, naming the field', async () => {
    const { id, version } = await newIncident();
    const path = `/api/v1/incidents/${id}/action-items`;
    const create = (body: Json) => call('POST', path, { body, op: 'createActionItem' });
    refused(await create({ text: 'x', due_date: 'next tuesday' }), 400, 'VALIDATION', ['due_date']);
    refused(await create({ text: 'x', due_date: 1.5 }), 400, 'VALIDATION', ['due_date']);
    refused(await create({ text: 'x', due_date: -1 }), 400, 'VALIDATION', ['due_date']);
    refused(await create({ text: '' }), 400, 'VALIDATION', ['text']);
    refused(await create({ text: 'x', status: 'done' }), 400, 'VALIDATION', ['status']);
    const ghost = await create({ text: 'x', owner: `no-such-user-${uid()}` });
    refused(ghost, 400, 'VALIDATION', ['owner']);
    expect(ghost.body.error.details[0].issue).toBe('no such user');
    const off = await create({ text: 'x', owner: people.off.id });
    refused(off, 400, 'VALIDATION', ['owner']);
    expect(off.body.error.details[0].issue).toBe('user is disabled');
    refused(
      await call('POST', '/api/v1/incidents/INC-NOSUCH00/action-items', {
        body: { text: 'x' },
        op: 'createActionItem',
      }),
      404,
      'NOT_FOUND',
      ['id'],
    );
    refused(
      await call('POST', path, { as: 'viewer', body: { text: 'x' }, op: 'createActionItem' }),
      403,
      'FORBIDDEN',
      [],
    );
    expect((await getIncident(id)).version).toBe(version);
    expect(
      (await call('GET', `/api/v1/action-items?incident_id=${id}`, { op: 'listActionItems' })).body,
    ).toEqual([]);

    const item = (await create({ text: 'Rotate the keys' })).body;
    const patch = (body: Json) =>
      call('PATCH', `/api/v1/action-items/${item.id}`, { body, op: 'updateActionItem' });
    refused(await patch({ status: 'finished' }), 400, 'VALIDATION', ['status']);
    refused(await patch({ due_date: '2026-13-45' }), 400, 'VALIDATION', ['due_date']);
    refused(await patch({ owner: people.off.id }), 400, 'VALIDATION', ['owner']);
    refused(await patch({ colour: 'red' }), 400, 'VALIDATION', ['colour']);
    const empty = await patch({});
    expect([empty.status, empty.body.error.code]).toEqual([400, 'VALIDATION']);
    refused(
      await call('PATCH', '/api/v1/action-items/ACT-NOSUCH00', {
        body: { status: 'done' },
        op: 'updateActionItem',
      }),
      404,
      'NOT_FOUND',
      ['id'],
    );
    refused(
      await call('GET', '/api/v1/action-items/ACT-NOSUCH00', { op: 'getActionItem' }),
      404,
      'NOT_FOUND',
      [],
    );
    refused(
      await call('GET', '/api/v1/action-items?status=finished', { op: 'listActionItems' }),
      400,
      'VALIDATION',
      ['status'],
    );
    refused(
      await call('GET', '/api/v1/action-items?overdue=maybe', { op: 'listActionItems' }),
      400,
      'VALIDATION',
      ['overdue'],
    );
    expect((await call('GET', `/api/v1/action-items/${item.id}`, { op: 'getActionItem' })).body).toEqual(
      item,
    );
  });
});

describe('GET /api/v1/incidents/stats', () => {
  it('counts and times the period, grouped, in snake_case with durations in seconds', async () => {
    const service = `stats-${uid()}`;
    const from = Math.floor(Date.now() / 1000) - 60;
    const resolved = await newIncident(`Resolved ${uid()}`, [service]);
    await call('POST', `/api/v1/incidents/${resolved.id}/acknowledge`, { op: 'acknowledgeIncident' });
    await call('POST', `/api/v1/incidents/${resolved.id}/status`, { body: { status: 'resolved' } });
    await newIncident(`Still open ${uid()}`, [service]);
    const to = Math.floor(Date.now() / 1000) + 60;

    const res = await call('GET', `/api/v1/incidents/stats?from=${from}&to=${to}&group_by=service`, {
      as: 'viewer',
      op: 'getIncidentStats',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from, to, group_by: 'service' });
    const mine = res.body.groups.find((g: { key: string }) => g.key === service);
    expect(mine).toMatchObject({
      count: 2,
      open_at_end: 1,
      time_to_acknowledge: { count: 1 },
      time_to_resolve: { count: 1 },
    });
    // Seconds, not milliseconds: both happened within the test's few seconds.
    expect(mine.time_to_resolve.median).toBeGreaterThanOrEqual(0);
    expect(mine.time_to_resolve.median).toBeLessThan(60);
    expect(mine.time_to_resolve.p90).toBe(mine.time_to_resolve.median);
    expect(res.body.total.count).toBeGreaterThanOrEqual(2);

    const bySource = await call('GET', `/api/v1/incidents/stats?from=${from}&to=${to}&group_by=source`, {
      op: 'getIncidentStats',
    });
    expect(bySource.body.groups.map((g: { key: string }) => g.key)).toContain('manual');
    const ungrouped = await call('GET', `/api/v1/incidents/stats?from=${from}&to=${to}`, {
      op: 'getIncidentStats',
    });
    expect(ungrouped.body).toMatchObject({ group_by: null, groups: [] });
  });

  it('refuses a period that ends before it starts, a missing bound and an unknown grouping, naming the field', async () => {
    const stats = (query: string) =>
      call('GET', `/api/v1/incidents/stats?${query}`, { op: 'getIncidentStats' });
    refused(await stats('from=2000&to=1000'), 400, 'VALIDATION', ['to']);
    refused(await stats(`from=0&to=${500 * 86_400}`), 400, 'VALIDATION', ['to']);
    refused(await stats('to=1000'), 400, 'VALIDATION', ['from']);
    refused(await stats('from=0&to=1000&group_by=week'), 400, 'VALIDATION', ['group_by']);
    refused(await stats('from=yesterday&to=1000'), 400, 'VALIDATION', ['from']);
    const anonymous = await call('GET', '/api/v1/incidents/stats?from=0&to=1000', { as: null });
    expect(anonymous.status).toBe(401);
  });
});

describe('live over graphql-ws', () => {
  const clients: { dispose(): void | Promise<void> }[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });

  it('delivers a role change made through REST to incidentChanged and incidentTimeline', async () => {
    const { id } = await newIncident();
    const client = wsClient(stack.graphqlUrl.replace(/^http/, 'ws'), people.viewer.token);
    clients.push(client);
    const changes = collect(
      client,
      `subscription($ids: [ID!]) {
        incidentChanged(filter: { incidentIds: $ids, kinds: [ROLE_ASSIGNED, ROLE_UNASSIGNED, ACKNOWLEDGED] }) {
          kind incidentId actorId incident { roles { role userId } }
        }
      }`,
      { ids: [id] },
    );
    const timeline = collect(
      client,
      `subscription($id: ID!) { incidentTimeline(incidentId: $id) { event { type system authorId } } }`,
      { id },
    );
    // The server registers a subscription a moment after the client sends it.
    await new Promise((r) => setTimeout(r, 300));

    await call('PUT', `/api/v1/incidents/${id}/roles/communications_lead/${people.ann.id}`, {
      op: 'assignIncidentRole',
    });
    await changes.next(1, 5000);
    await timeline.next(1, 5000);
    expect(changes.results[0]!.data).toEqual({
      incidentChanged: {
        kind: 'ROLE_ASSIGNED',
        incidentId: id,
        actorId: people.responder.id,
        incident: { roles: [{ role: 'COMMUNICATIONS_LEAD', userId: people.ann.id }] },
      },
    });
    expect(timeline.results[0]!.data).toEqual({
      incidentTimeline: { event: { type: 'ROLE_ASSIGNED', system: true, authorId: people.responder.id } },
    });

    await call('DELETE', `/api/v1/incidents/${id}/roles/communications_lead/${people.ann.id}`, {
      op: 'unassignIncidentRole',
    });
    await changes.next(2, 5000);
    await timeline.next(2, 5000);
    expect(changes.results[1]!.data).toMatchObject({
      incidentChanged: { kind: 'ROLE_UNASSIGNED', incident: { roles: [] } },
    });
    expect(timeline.results[1]!.data).toMatchObject({
      incidentTimeline: { event: { type: 'ROLE_UNASSIGNED' } },
    });
  });
});
