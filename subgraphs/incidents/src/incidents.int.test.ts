import { type AddressInfo, createServer } from 'node:net';
import { envelopeFromFields } from '@polystatus/kit';
import {
  deletePrefix,
  ok,
  startPausableProxy,
  TEST_REDIS_URL,
  testRedis,
  uniquePrefix,
} from '@polystatus/kit/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentsKeys } from './keys.ts';
import { type IncidentsHarness, startIncidents } from './testing/harness.ts';
import {
  ADD_NOTE,
  ASSIGN,
  CHANGE_STATUS,
  CREATE,
  GET,
  POSTMORTEM_FIELDS,
  SUBMIT_POSTMORTEM,
  TIMELINE,
  UPDATE,
} from './testing/operations.ts';
import { createUsers } from './testing/users.ts';

type Incident = {
  id: string;
  title: string;
  sev: number;
  services: string[];
  summary: string;
  status: string;
  source: string;
  startedAt: string;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  updatedAt: string;
  commanderId: string | null;
  commander: { id: string } | null;
  createdById: string;
  version: number;
};

const prefix = uniquePrefix('incidents');
const keys = incidentsKeys(prefix);
let redis: Redis;
let svc: IncidentsHarness;

beforeAll(async () => {
  redis = testRedis();
  svc = await startIncidents({ prefix });
  // Commanders must be users the incidents domain learned of from the users events.
  await createUsers(redis, prefix, 'u1', 'cmdr-1', 'cmdr-2', 'cmdr-entity', 'c9');
});
afterAll(async () => {
  await svc?.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

const responder = { role: 'responder' as const, id: 'u-resp' };
const manager = { role: 'manager' as const, id: 'u-mgr' };
const viewer = { role: 'viewer' as const, id: 'u-view' };

async function create(
  input: Record<string, unknown> = {},
  caller: Parameters<IncidentsHarness['gql']>[2] = responder,
) {
  const data = ok(
    await svc.gql<{ createIncident: Incident }>(
      CREATE,
      { input: { title: 'API latency', sev: 2, ...input } },
      caller,
    ),
  );
  return data.createIncident;
}

const errorOf = (reply: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  reply.errors?.[0]?.extensions;

async function events(subject?: string) {
  const rows = await redis.xrange(keys.events, '-', '+');
  const all = rows.map(([, fields]) => envelopeFromFields(fields));
  return subject ? all.filter((e) => e.subject === subject) : all;
}

describe('creating and reading', () => {
  it('creates an incident with defaults, readable by a viewer', async () => {
    const inc = await create({ services: ['API', 'db', 'api'], summary: 'p95 > 2s in EU' });
    expect(inc.id).toMatch(/^INC-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(inc).toMatchObject({
      title: 'API latency',
      sev: 2,
      services: ['api', 'db'],
      summary: 'p95 > 2s in EU',
      status: 'OPEN',
      source: 'MANUAL',
      mitigatedAt: null,
      resolvedAt: null,
      commander: null,
      createdById: 'u-resp',
      version: 1,
    });
    expect(Date.parse(inc.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    const read = ok(await svc.gql<{ incident: Incident }>(GET, { id: inc.id }, viewer)).incident;
    expect(read).toEqual(inc);
  });

  it('defaults the source to API for API tokens, and keeps an explicit one', async () => {
    expect((await create({}, { role: 'responder', kind: 'token', id: 'bot' })).source).toBe('API');
    expect(
      (await create({ source: 'CSP' }, { role: 'responder', kind: 'system', id: 'csp-poller' })).source,
    ).toBe('CSP');
  });

  it('answers null for an unknown incident', async () => {
    expect(ok(await svc.gql(GET, { id: 'INC-00000000' }, viewer))).toEqual({ incident: null });
  });

  it('refuses invalid input with VALIDATION naming each field', async () => {
    const reply = await svc.gql(
      CREATE,
      { input: { title: ' ', sev: 2, services: ['ok', 'NOT OK'] } },
      responder,
    );
    expect(errorOf(reply)).toMatchObject({
      code: 'VALIDATION',
      details: [
        { field: 'title', issue: 'must not be empty' },
        { field: 'services[1]', issue: expect.any(String) },
      ],
    });
    const badSev = await svc.gql(CREATE, { input: { title: 't', sev: 9 } }, responder);
    expect(errorOf(badSev)).toMatchObject({ code: 'VALIDATION', details: [{ field: 'sev' }] });
  });

  it('retries on an id collision instead of overwriting', async () => {
    const prefix2 = uniquePrefix('incidents-ids');
    const ids = ['INC-AAAAAAAA', 'INC-AAAAAAAA', 'INC-AAAAAAAA', 'INC-BBBBBBBB'];
    const forced = await startIncidents({ prefix: prefix2, service: { newId: () => ids.shift()! } });
    try {
      const first = ok(
        await forced.gql<{ createIncident: Incident }>(CREATE, { input: { title: 'one', sev: 1 } }),
      );
      const second = ok(
        await forced.gql<{ createIncident: Incident }>(CREATE, { input: { title: 'two', sev: 1 } }),
      );
      expect(first.createIncident.id).toBe('INC-AAAAAAAA');
      expect(second.createIncident.id).toBe('INC-BBBBBBBB');
      const again = ok(await forced.gql<{ incident: Incident }>(GET, { id: 'INC-AAAAAAAA' }));
      expect(again.incident.title).toBe('one');
      expect(ids).toEqual([]);
    } finally {
      await forced.close();
      await deletePrefix(redis, prefix2);
    }
  });
});

describe('access', () => {
  it('refuses requests without identity (UNAUTHENTICATED) and viewers writing (FORBIDDEN), storing nothing', async () => {
    const before = await redis.zcard(keys.all);
    const eventsBefore = await redis.xlen(keys.events);
    expect(errorOf(await svc.gql(CREATE, { input: { title: 't', sev: 1 } }, null))?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorOf(await svc.gql(CREATE, { input: { title: 't', sev: 1 } }, viewer))?.code).toBe('FORBIDDEN');
    expect(errorOf(await svc.gql(GET, { id: 'INC-00000000' }, null))?.code).toBe('UNAUTHENTICATED');
    expect(await redis.zcard(keys.all)).toBe(before);
    expect(await redis.get(keys.seq)).toBe(String(before));
    expect(await redis.xlen(keys.events)).toBe(eventsBefore);
  });

  it('needs a manager to assign a commander or submit a postmortem', async () => {
    const inc = await create();
    expect(errorOf(await svc.gql(ASSIGN, { id: inc.id, commanderId: 'u1' }, responder))?.code).toBe(
      'FORBIDDEN',
    );
    const pm = { whatHappened: 'x', rootCause: 'y', actionItems: [] };
    expect(errorOf(await svc.gql(SUBMIT_POSTMORTEM, { id: inc.id, input: pm }, responder))?.code).toBe(
      'FORBIDDEN',
    );
    const after = ok(await svc.gql<{ incident: Incident }>(GET, { id: inc.id })).incident;
    expect(after.version).toBe(1);
    expect(await redis.exists(keys.postmortems(inc.id))).toBe(0);
  });

  it('refuses a forged identity header', async () => {
    const res = await fetch(svc.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ps-identity': 'e30.forged' },
      body: JSON.stringify({ query: '{ incidents { nodes { id } } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('status changes', () => {
  const status = async (id: string, to: string, extra: Record<string, unknown> = {}) =>
    svc.gql<{ changeIncidentStatus: Incident }>(CHANGE_STATUS, { id, status: to, ...extra }, responder);

  it('walks open → mitigated → open → resolved → open, stamping and clearing times', async () => {
    const inc = await create();
    const m = ok(await status(inc.id, 'MITIGATED')).changeIncidentStatus;
    expect(m).toMatchObject({ status: 'MITIGATED', resolvedAt: null, version: 2 });
    expect(m.mitigatedAt).not.toBeNull();
    const o = ok(await status(inc.id, 'OPEN')).changeIncidentStatus;
    expect(o).toMatchObject({ status: 'OPEN', mitigatedAt: null, resolvedAt: null, version: 3 });
    const r = ok(await status(inc.id, 'RESOLVED', { note: 'rolled back' })).changeIncidentStatus;
    expect(r.status).toBe('RESOLVED');
    // Resolving straight from open still records when the impact stopped.
    expect(r.mitigatedAt).not.toBeNull();
    expect(r.resolvedAt).toBe(r.mitigatedAt);
    const reopened = ok(await status(inc.id, 'OPEN')).changeIncidentStatus;
    expect(reopened).toMatchObject({ status: 'OPEN', mitigatedAt: null, resolvedAt: null, version: 5 });
  });

  it('keeps the mitigation time when resolving a mitigated incident', async () => {
    const inc = await create();
    const m = ok(await status(inc.id, 'MITIGATED')).changeIncidentStatus;
    await new Promise((r) => setTimeout(r, 5));
    const r = ok(await status(inc.id, 'RESOLVED')).changeIncidentStatus;
    expect(r.mitigatedAt).toBe(m.mitigatedAt);
    expect(Date.parse(r.resolvedAt!)).toBeGreaterThan(Date.parse(m.mitigatedAt!));
  });

  it('treats the same status as a no-op, even with a stale expectedVersion', async () => {
    const inc = await create();
    ok(await status(inc.id, 'MITIGATED', { v: 1 }));
    const eventsBefore = (await events(inc.id)).length;
    const retry = ok(await status(inc.id, 'MITIGATED', { v: 1 })).changeIncidentStatus;
    expect(retry.version).toBe(2);
    expect((await events(inc.id)).length).toBe(eventsBefore);
  });

  it('refuses resolved → mitigated with CONFLICT naming status, changing nothing', async () => {
    const inc = await create();
    ok(await status(inc.id, 'RESOLVED'));
    const reply = await status(inc.id, 'MITIGATED');
    expect(errorOf(reply)).toMatchObject({ code: 'CONFLICT', details: [{ field: 'status' }] });
    expect(ok(await svc.gql<{ incident: Incident }>(GET, { id: inc.id })).incident).toMatchObject({
      status: 'RESOLVED',
      version: 2,
    });
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const inc = await create();
    ok(await status(inc.id, 'MITIGATED', { v: 1 }));
    const reply = await status(inc.id, 'RESOLVED', { v: 1 });
    expect(errorOf(reply)).toMatchObject({ code: 'CONFLICT', details: [{ field: 'expectedVersion' }] });
    expect(ok(await status(inc.id, 'RESOLVED', { v: 2 })).changeIncidentStatus.version).toBe(3);
  });

  it('answers NOT_FOUND for an unknown incident, creating nothing', async () => {
    expect(errorOf(await status('INC-ZZZZZZZZ', 'RESOLVED'))?.code).toBe('NOT_FOUND');
    expect(await redis.exists(keys.incident('INC-ZZZZZZZZ'), keys.timeline('INC-ZZZZZZZZ'))).toBe(0);
  });
});

describe('updates and commanders', () => {
  it('updates only what changed, moves the indexes and records what changed', async () => {
    const inc = await create({ services: ['api', 'db'] });
    const u = ok(
      await svc.gql<{ updateIncident: Incident }>(
        UPDATE,
        { id: inc.id, input: { sev: 1, services: ['db', 'queue'], title: 'API latency' }, v: 1 },
        responder,
      ),
    ).updateIncident;
    expect(u).toMatchObject({ sev: 1, services: ['db', 'queue'], title: 'API latency', version: 2 });
    expect(await redis.zscore(keys.bySev(2), inc.id)).toBeNull();
    expect(await redis.zscore(keys.bySev(1), inc.id)).not.toBeNull();
    expect(await redis.zscore(keys.byService('api'), inc.id)).toBeNull();
    expect(await redis.zscore(keys.byService('queue'), inc.id)).not.toBeNull();
    const last = (await events(inc.id)).at(-1)!;
    expect(last.type).toBe('incident.updated');
    expect(last.data).toMatchObject({ incidentId: inc.id, version: 2, changed: ['sev', 'services'] });
    expect(last.data.changes).toEqual({ sev: 1, services: ['db', 'queue'] });

    const same = ok(
      await svc.gql<{ updateIncident: Incident }>(UPDATE, { id: inc.id, input: { sev: 1 } }, responder),
    );
    expect(same.updateIncident.version).toBe(2);
    const reordered = ok(
      await svc.gql<{ updateIncident: Incident }>(
        UPDATE,
        { id: inc.id, input: { services: ['queue', 'db'] } },
        responder,
      ),
    );
    expect(reordered.updateIncident.version).toBe(2);
  });

  it('assigns a commander (a User reference) and moves the commander index', async () => {
    const inc = await create();
    const a = ok(
      await svc.gql<{ assignCommander: Incident }>(ASSIGN, { id: inc.id, commanderId: 'cmdr-1' }, manager),
    );
    expect(a.assignCommander).toMatchObject({
      commanderId: 'cmdr-1',
      commander: { id: 'cmdr-1' },
      version: 2,
    });
    ok(await svc.gql(ASSIGN, { id: inc.id, commanderId: 'cmdr-2', v: 2 }, manager));
    expect(await redis.zscore(keys.byCommander('cmdr-1'), inc.id)).toBeNull();
    expect(await redis.zscore(keys.byCommander('cmdr-2'), inc.id)).not.toBeNull();
    const last = (await events(inc.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'incident.commander_assigned',
      actor: 'u-mgr',
      data: { commanderId: 'cmdr-2', previousCommanderId: 'cmdr-1', version: 3 },
    });
  });

  it('lists what a user commands through the User entity', async () => {
    const a = await create({ title: 'first' });
    const b = await create({ title: 'second' });
    for (const inc of [a, b]) ok(await svc.gql(ASSIGN, { id: inc.id, commanderId: 'cmdr-entity' }, manager));
    const reply = ok(
      await svc.gql<{ _entities: { id: string; commandedIncidents: { nodes: { id: string }[] } }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id commandedIncidents { nodes { id } } } } }`,
        {
          r: [
            { __typename: 'User', id: 'cmdr-entity' },
            { __typename: 'User', id: 'nobody' },
          ],
        },
        viewer,
      ),
    );
    expect(reply._entities).toEqual([
      { id: 'cmdr-entity', commandedIncidents: { nodes: [{ id: b.id }, { id: a.id }] } },
      { id: 'nobody', commandedIncidents: { nodes: [] } },
    ]);
  });

  it('resolves Incident references for the gateway, null when unknown', async () => {
    const inc = await create({ title: 'by reference' });
    const reply = ok(
      await svc.gql<{ _entities: ({ id: string; title: string } | null)[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id title } } }`,
        {
          r: [
            { __typename: 'Incident', id: inc.id },
            { __typename: 'Incident', id: 'INC-00000000' },
          ],
        },
        viewer,
      ),
    );
    expect(reply._entities).toEqual([{ id: inc.id, title: 'by reference' }, null]);
  });
});

describe('timeline', () => {
  it('keeps entries oldest first with system entries for every change, paginated by entry id', async () => {
    const inc = await create();
    for (let i = 0; i < 5; i++) {
      ok(await svc.gql(ADD_NOTE, { id: inc.id, input: { type: 'UPDATE', message: `note ${i}` } }, responder));
    }
    ok(await svc.gql(CHANGE_STATUS, { id: inc.id, status: 'MITIGATED' }, responder));
    type Tl = {
      incident: {
        timeline: {
          edges: { cursor: string; node: { id: string; type: string; message: string; system: boolean } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const seen: { type: string; message: string; system: boolean }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Tl = ok(await svc.gql<Tl>(TIMELINE, { id: inc.id, first: 3, after }, viewer));
      const { edges, pageInfo } = page.incident.timeline;
      seen.push(...edges.map((e) => ({ type: e.node.type, message: e.node.message, system: e.node.system })));
      pages++;
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen.map((s) => s.type)).toEqual(['CREATED', ...Array(5).fill('UPDATE'), 'STATUS_CHANGED']);
    expect(seen.slice(1, 6).map((s) => s.message)).toEqual([0, 1, 2, 3, 4].map((i) => `note ${i}`));
    expect(seen.map((s) => s.system)).toEqual([true, false, false, false, false, false, true]);
  });

  it('returns the added entry, whose id matches the event and resumes the timeline', async () => {
    const inc = await create();
    const added = ok(
      await svc.gql<{
        addTimelineEvent: { id: string; type: string; author: { id: string }; system: boolean };
      }>(ADD_NOTE, { id: inc.id, input: { type: 'MITIGATION', message: 'failed over' } }, responder),
    ).addTimelineEvent;
    expect(added).toMatchObject({ type: 'MITIGATION', author: { id: 'u-resp' }, system: false });
    const ev = (await events(inc.id)).at(-1)!;
    expect(ev).toMatchObject({
      type: 'incident.timeline_event_added',
      data: { timelineEntryId: added.id, version: 2 },
    });
    ok(await svc.gql(CHANGE_STATUS, { id: inc.id, status: 'RESOLVED' }, responder));
    const rest = ok(
      await svc.gql<{ incident: { timeline: { edges: { node: { type: string } }[] } } }>(
        TIMELINE,
        { id: inc.id, after: added.id },
        viewer,
      ),
    );
    expect(rest.incident.timeline.edges.map((e) => e.node.type)).toEqual(['STATUS_CHANGED']);
  });

  it('refuses an empty message and a malformed cursor', async () => {
    const inc = await create();
    const empty = await svc.gql(ADD_NOTE, { id: inc.id, input: { type: 'NOTE', message: '  ' } }, responder);
    expect(errorOf(empty)).toMatchObject({ code: 'VALIDATION', details: [{ field: 'message' }] });
    const cursor = await svc.gql(TIMELINE, { id: inc.id, after: 'yesterday' }, viewer);
    expect(errorOf(cursor)).toMatchObject({ code: 'VALIDATION', details: [{ field: 'after' }] });
  });
});

describe('postmortems', () => {
  it('keeps every version with its editor and time, newest as `postmortem`', async () => {
    const inc = await create();
    const first = ok(
      await svc.gql<{ submitPostmortem: { version: number } }>(
        SUBMIT_POSTMORTEM,
        {
          id: inc.id,
          input: {
            whatHappened: 'disk full',
            rootCause: 'no alert',
            actionItems: [{ text: 'alert', ownerId: 'o1' }],
          },
        },
        manager,
      ),
    ).submitPostmortem;
    expect(first.version).toBe(1);
    const second = ok(
      await svc.gql<{ submitPostmortem: { version: number; editedBy: { id: string } } }>(
        SUBMIT_POSTMORTEM,
        {
          id: inc.id,
          input: {
            whatHappened: 'disk full on db-3',
            rootCause: 'no alert',
            impact: 'EU writes',
            actionItems: [],
          },
          v: 2,
        },
        { role: 'admin', id: 'u-admin' },
      ),
    ).submitPostmortem;
    expect(second).toMatchObject({ version: 2, editedBy: { id: 'u-admin' } });

    const stale = await svc.gql(
      SUBMIT_POSTMORTEM,
      { id: inc.id, input: { whatHappened: 'x', rootCause: 'y', actionItems: [] }, v: 2 },
      manager,
    );
    expect(errorOf(stale)?.code).toBe('CONFLICT');

    const read = ok(
      await svc.gql<{
        incident: {
          postmortem: { version: number; whatHappened: string; impact: string | null };
          postmortemHistory: {
            version: number;
            editedById: string;
            editedAt: string;
            actionItems: { text: string; owner: { id: string } | null; done: boolean }[];
          }[];
        };
      }>(
        `query($id: ID!) { incident(id: $id) { postmortem { ${POSTMORTEM_FIELDS} } postmortemHistory { ${POSTMORTEM_FIELDS} } } }`,
        { id: inc.id },
        viewer,
      ),
    ).incident;
    expect(read.postmortem).toMatchObject({
      version: 2,
      whatHappened: 'disk full on db-3',
      impact: 'EU writes',
    });
    expect(read.postmortemHistory.map((p) => [p.version, p.editedById])).toEqual([
      [1, 'u-mgr'],
      [2, 'u-admin'],
    ]);
    expect(read.postmortemHistory[0]!.actionItems).toEqual([
      { text: 'alert', ownerId: 'o1', owner: { id: 'o1' }, done: false },
    ]);
    expect(Date.parse(read.postmortemHistory[1]!.editedAt)).toBeGreaterThanOrEqual(
      Date.parse(read.postmortemHistory[0]!.editedAt),
    );
    const ev = (await events(inc.id)).filter((e) => e.type === 'incident.postmortem_submitted');
    expect(ev.map((e) => e.data.postmortemVersion)).toEqual([1, 2]);
  });

  it('names the offending action item', async () => {
    const inc = await create();
    const reply = await svc.gql(
      SUBMIT_POSTMORTEM,
      {
        id: inc.id,
        input: { whatHappened: 'x', rootCause: 'y', actionItems: [{ text: 'ok' }, { text: ' ' }] },
      },
      manager,
    );
    expect(errorOf(reply)).toMatchObject({ code: 'VALIDATION', details: [{ field: 'actionItems[1].text' }] });
  });
});

describe('events', () => {
  it('appends exactly one envelope per change, in order, with version and timeline entry', async () => {
    const inc = await create();
    ok(await svc.gql(UPDATE, { id: inc.id, input: { summary: 'now with summary' } }, responder));
    ok(await svc.gql(ASSIGN, { id: inc.id, commanderId: 'c9' }, manager));
    ok(await svc.gql(CHANGE_STATUS, { id: inc.id, status: 'MITIGATED' }, responder));
    ok(await svc.gql(ADD_NOTE, { id: inc.id, input: { type: 'NOTE', message: 'watching' } }, responder));
    ok(
      await svc.gql(SUBMIT_POSTMORTEM, {
        id: inc.id,
        input: { whatHappened: 'a', rootCause: 'b', actionItems: [] },
      }),
    );
    // No-ops record nothing.
    ok(await svc.gql(CHANGE_STATUS, { id: inc.id, status: 'MITIGATED' }, responder));
    ok(await svc.gql(ASSIGN, { id: inc.id, commanderId: 'c9' }, manager));

    const evs = await events(inc.id);
    expect(evs.map((e) => e.type)).toEqual([
      'incident.created',
      'incident.updated',
      'incident.commander_assigned',
      'incident.status_changed',
      'incident.timeline_event_added',
      'incident.postmortem_submitted',
    ]);
    expect(evs.map((e) => e.data.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(evs.map((e) => e.id)).size).toBe(6);
    const timelineIds = (await redis.xrange(keys.timeline(inc.id), '-', '+')).map(([id]) => id);
    expect(evs.map((e) => e.data.timelineEntryId)).toEqual(timelineIds);
    expect(evs[3]!.data).toMatchObject({ from: 'open', to: 'mitigated' });
    expect(evs.every((e) => e.data.incidentId === inc.id && e.subject === inc.id)).toBe(true);
  });
});

describe('restart', () => {
  it('serves everything again from a new service on the same prefix', async () => {
    const restartPrefix = uniquePrefix('incidents-restart');
    const first = await startIncidents({ prefix: restartPrefix });
    const made = ok(
      await first.gql<{ createIncident: Incident }>(CREATE, { input: { title: 'Survives restart', sev: 3 } }),
    ).createIncident;
    ok(await first.gql(ADD_NOTE, { id: made.id, input: { type: 'NOTE', message: 'before restart' } }));
    ok(
      await first.gql(SUBMIT_POSTMORTEM, {
        id: made.id,
        input: { whatHappened: 'w', rootCause: 'r', actionItems: [] },
      }),
    );
    await first.close();

    const second = await startIncidents({ prefix: restartPrefix });
    try {
      const read = ok(
        await second.gql<{
          incident: Incident & {
            postmortem: { version: number };
            timeline: { nodes: { message: string }[] };
          };
        }>(
          `query($id: ID!) { incident(id: $id) { id title version postmortem { version } timeline { nodes { message } } } }`,
          { id: made.id },
          viewer,
        ),
      ).incident;
      expect(read).toMatchObject({
        id: made.id,
        title: 'Survives restart',
        version: 3,
        postmortem: { version: 1 },
      });
      expect(read.timeline.nodes.map((n) => n.message)).toContain('before restart');
      const list = ok(
        await second.gql<{ incidents: { nodes: { id: string }[] } }>(
          `{ incidents(filter: { q: "survives", sev: 3 }) { nodes { id } } }`,
          {},
          viewer,
        ),
      );
      expect(list.incidents.nodes).toEqual([{ id: made.id }]);
      // New incidents continue the sequence instead of reusing it.
      const next = ok(
        await second.gql<{ createIncident: Incident }>(CREATE, { input: { title: 'after', sev: 3 } }),
      );
      const newest = ok(
        await second.gql<{ incidents: { nodes: { id: string }[] } }>(
          `{ incidents(first: 1) { nodes { id } } }`,
        ),
      );
      expect(newest.incidents.nodes).toEqual([{ id: next.createIncident.id }]);
    } finally {
      await second.close();
      await deletePrefix(redis, restartPrefix);
    }
  });
});

describe('redis outage', () => {
  it('answers UNAVAILABLE, not INTERNAL, when Redis cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const down = await startIncidents({
      env: { REDIS_URL: `redis://127.0.0.1:${closed}`, REDIS_COMMAND_TIMEOUT_MS: '300' },
    });
    try {
      const read = await down.gql(GET, { id: 'INC-00000000' }, viewer);
      expect(errorOf(read)).toMatchObject({ code: 'UNAVAILABLE', retryAfter: 1 });
      const write = await down.gql(CREATE, { input: { title: 't', sev: 1 } }, responder);
      expect(errorOf(write)?.code).toBe('UNAVAILABLE');
      const assign = await down.gql(ASSIGN, { id: 'INC-00000000', commanderId: 'u1' }, manager);
      expect(errorOf(assign)?.code).toBe('UNAVAILABLE');
    } finally {
      await down.close();
    }
  });

  it('answers a write during a Redis pause with UNAVAILABLE, and serves again once Redis answers', async () => {
    // Only this service's connection stalls: the proxy holds its traffic, the shared Redis is untouched.
    const proxy = await startPausableProxy(TEST_REDIS_URL);
    const paused = await startIncidents({ env: { REDIS_URL: proxy.url, REDIS_COMMAND_TIMEOUT_MS: '300' } });
    try {
      const before = await paused.gql(CREATE, { input: { title: 'before the pause', sev: 2 } }, responder);
      expect(errorOf(before)).toBeUndefined();
      proxy.pause();
      const during = await paused.gql(CREATE, { input: { title: 'during the pause', sev: 2 } }, responder);
      expect(errorOf(during)).toMatchObject({ code: 'UNAVAILABLE', retryAfter: 1 });
      expect(during.errors?.[0]?.message).not.toMatch(/internal/i);
      proxy.resume();
      const after = await paused.gql(CREATE, { input: { title: 'after the pause', sev: 2 } }, responder);
      expect(errorOf(after)).toBeUndefined();
    } finally {
      proxy.resume();
      await paused.close();
      await proxy.close();
    }
  });
});
