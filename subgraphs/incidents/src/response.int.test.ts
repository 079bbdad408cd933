import { codeOf, ok, testRedis } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IncidentsHarness, startIncidents } from './testing/harness.ts';
import {
  ACKNOWLEDGE,
  ACTION_ITEMS,
  ADD_NOTE,
  ASSIGN_ROLE,
  CHANGE_STATUS,
  CREATE,
  CREATE_ACTION_ITEM,
  GET,
  RECORD_UPSTREAM,
  SUBMIT_POSTMORTEM,
  TIMELINE,
  UNASSIGN_ROLE,
  UPDATE,
  UPDATE_ACTION_ITEM,
  USER_ROLES,
} from './testing/operations.ts';
import { appendUserEvent, createUsers } from './testing/users.ts';

const redis = testRedis();
let svc: IncidentsHarness;
const responder = { role: 'responder' as const, id: 'u-resp' };
const flags = { kind: 'system' as const, id: 'flags', role: 'responder' as const };
const csp = { kind: 'system' as const, id: 'csp', role: 'responder' as const };

beforeAll(async () => {
  svc = await startIncidents();
  await createUsers(redis, svc.prefix, 'ann', 'bob', 'cat', 'off');
  await appendUserEvent(redis, svc.prefix, 'user.disabled', 'off');
});
afterAll(async () => {
  await svc.close();
  await redis.quit();
});

async function newIncident(title = 'Checkout fails', as: Parameters<IncidentsHarness['gql']>[2] = responder) {
  const { createIncident } = ok(
    await svc.gql<{ createIncident: { id: string; version: number } }>(
      CREATE,
      { input: { title, sev: 2, services: ['checkout'] } },
      as,
    ),
  );
  return createIncident.id;
}

type Timeline = {
  incident: {
    timeline: {
      edges: { node: { type: string; message: string; authorId: string; subjectId: string | null } }[];
    };
  };
};
const timeline = async (id: string) =>
  ok(await svc.gql<Timeline>(TIMELINE, { id, first: 100 })).incident.timeline.edges.map((e) => e.node);

describe('acknowledgement', () => {
  it('is recorded once when several responders acknowledge at the same moment, and each is answered', async () => {
    const id = await newIncident();
    const who = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    type Ack = { acknowledgeIncident: { acknowledged: boolean; incident: { acknowledgedById: string } } };
    const replies = await Promise.all(
      who.map((u) => svc.gql<Ack>(ACKNOWLEDGE, { id }, { role: 'responder', id: u })),
    );
    const answers = replies.map((r) => ok(r).acknowledgeIncident);
    expect(answers.filter((a) => a.acknowledged)).toHaveLength(1);
    const winner = answers.find((a) => a.acknowledged)!.incident.acknowledgedById;
    expect(new Set(answers.map((a) => a.incident.acknowledgedById))).toEqual(new Set([winner]));
    expect((await timeline(id)).filter((e) => e.type === 'ACKNOWLEDGED')).toHaveLength(1);
  });

  it('happens implicitly on mitigation; an unknown incident is NOT_FOUND naming id', async () => {
    const id = await newIncident();
    ok(await svc.gql(CHANGE_STATUS, { id, status: 'MITIGATED' }, { role: 'responder', id: 'mitigator' }));
    const { incident } = ok(
      await svc.gql<{ incident: { acknowledgedAt: string; acknowledgedById: string } }>(
        `query($id: ID!) { incident(id: $id) { acknowledgedAt acknowledgedById } }`,
        { id },
      ),
    );
    expect(incident.acknowledgedById).toBe('mitigator');
    expect(incident.acknowledgedAt).toMatch(/Z$/);
    const missing = await svc.gql(ACKNOWLEDGE, { id: 'INC-NOTTHERE' }, responder);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.extensions.details).toEqual([{ field: 'id', issue: 'no such incident' }]);
    expect(codeOf(await svc.gql(ACKNOWLEDGE, { id }, { role: 'viewer', id: 'v' }))).toBe('FORBIDDEN');
  });
});

describe('roles', () => {
  type RolesReply = {
    id: string;
    version: number;
    roles: { role: string; userId: string; user: { id: string } }[];
  };
  it('assigns, passes on and unassigns, each a timeline entry; User.incidentRoles follows open incidents', async () => {
    const id = await newIncident();
    const assign = (role: string, userId: string) =>
      svc.gql<{ assignIncidentRole: RolesReply }>(ASSIGN_ROLE, { id, role, userId }, responder);
    ok(await assign('SCRIBE', 'ann'));
    ok(await assign('RESPONDER', 'bob'));
    ok(await assign('RESPONDER', 'cat'));
    const passed = ok(await assign('SCRIBE', 'bob')).assignIncidentRole;
    expect(passed.roles.map((r) => [r.role, r.userId])).toEqual([
      ['RESPONDER', 'bob'],
      ['RESPONDER', 'cat'],
      ['SCRIBE', 'bob'],
    ]);
    // Holding it already: nothing changes.
    expect(ok(await assign('SCRIBE', 'bob')).assignIncidentRole.version).toBe(passed.version);

    type Holdings = { _entities: { incidentRoles: { incident: { id: string }; roles: string[] }[] }[] };
    const holdings = async (u: string) =>
      ok(await svc.gql<Holdings>(USER_ROLES, { id: u }))._entities[0]!.incidentRoles;
    expect(await holdings('ann')).toEqual([]);
    expect((await holdings('bob')).find((h) => h.incident.id === id)?.roles.sort()).toEqual([
      'RESPONDER',
      'SCRIBE',
    ]);

    const gone = ok(
      await svc.gql<{ unassignIncidentRole: RolesReply }>(
        UNASSIGN_ROLE,
        { id, role: 'RESPONDER', userId: 'cat' },
        responder,
      ),
    ).unassignIncidentRole;
    expect(gone.roles.map((r) => r.userId)).toEqual(['bob', 'bob']);
    expect(await holdings('cat')).toEqual([]);

    ok(await svc.gql(CHANGE_STATUS, { id, status: 'RESOLVED' }, responder));
    expect(await holdings('bob')).toEqual([]);
    ok(await svc.gql(CHANGE_STATUS, { id, status: 'OPEN' }, responder));
    expect((await holdings('bob')).map((h) => h.incident.id)).toContain(id);

    const entries = (await timeline(id)).filter((e) => e.type.startsWith('ROLE_'));
    // Named as the users events call them; the id stays machine-readable in subjectId.
    expect(entries.map((e) => [e.message, e.subjectId])).toEqual([
      ['Scribe assigned: User ann', 'ann'],
      ['Responder assigned: User bob', 'bob'],
      ['Responder assigned: User cat', 'cat'],
      ['Scribe assigned: User bob (was User ann)', 'bob'],
      ['Responder unassigned: User cat', 'cat'],
    ]);
    expect(new Set(entries.map((e) => e.authorId))).toEqual(new Set(['u-resp']));
  });

  it('refuses an unknown or disabled user and an unknown role, storing nothing', async () => {
    const id = await newIncident();
    const before = ok(await svc.gql<{ incident: { version: number } }>(GET, { id })).incident.version;
    for (const [userId, issue] of [
      ['nobody', 'no such user'],
      ['off', 'user is disabled'],
    ] as const) {
      const reply = await svc.gql(ASSIGN_ROLE, { id, role: 'SCRIBE', userId }, responder);
      expect(codeOf(reply)).toBe('VALIDATION');
      expect(reply.errors?.[0]?.extensions.details).toEqual([{ field: 'userId', issue }]);
    }
    expect(codeOf(await svc.gql(ASSIGN_ROLE, { id, role: 'CHEF', userId: 'ann' }, responder))).toBe(
      'VALIDATION',
    );
    expect(ok(await svc.gql<{ incident: { version: number } }>(GET, { id })).incident.version).toBe(before);
  });
});

describe('action items', () => {
  type Item = { id: string; status: string; overdue: boolean; version: number; ownerId: string | null };
  it('live through their lifecycle, audited on the timeline, and overdue ones are listed', async () => {
    const id = await newIncident();
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const create = async (text: string, dueDate: string | null, ownerId = 'ann') =>
      ok(
        await svc.gql<{ createActionItem: Item }>(
          CREATE_ACTION_ITEM,
          { id, input: { text, ownerId, dueDate } },
          responder,
        ),
      ).createActionItem;
    const late = await create('add the alert', past);
    const later = await create('write the runbook', future);
    const undated = await create('tidy up', null, 'bob');
    expect(late).toMatchObject({ status: 'OPEN', overdue: true, ownerId: 'ann' });
    expect(later.overdue).toBe(false);

    const overdueIds = async () =>
      ok(
        await svc.gql<{ actionItems: { nodes: Item[] } }>(ACTION_ITEMS, {
          filter: { overdue: true, incidentId: id },
        }),
      ).actionItems.nodes.map((n) => n.id);
    expect(await overdueIds()).toEqual([late.id]);

    const moved = ok(
      await svc.gql<{ updateActionItem: Item }>(
        UPDATE_ACTION_ITEM,
        { id: late.id, input: { status: 'IN_PROGRESS', ownerId: 'bob' }, v: late.version },
        responder,
      ),
    ).updateActionItem;
    expect(moved).toMatchObject({ status: 'IN_PROGRESS', ownerId: 'bob', overdue: true, version: 2 });
    // A stale version is a conflict; the same values again are a no-op.
    expect(
      codeOf(await svc.gql(UPDATE_ACTION_ITEM, { id: late.id, input: { status: 'DONE' }, v: 1 }, responder)),
    ).toBe('CONFLICT');
    const same = await svc.gql<{ updateActionItem: Item }>(
      UPDATE_ACTION_ITEM,
      { id: late.id, input: { status: 'IN_PROGRESS' } },
      responder,
    );
    expect(ok(same).updateActionItem.version).toBe(2);
    ok(await svc.gql(UPDATE_ACTION_ITEM, { id: late.id, input: { status: 'DONE' } }, responder));
    expect(await overdueIds()).toEqual([]);

    const bobs = ok(
      await svc.gql<{ actionItems: { nodes: Item[] } }>(ACTION_ITEMS, {
        filter: { ownerId: 'bob', incidentId: id },
      }),
    ).actionItems.nodes.map((n) => n.id);
    expect(bobs).toEqual([undated.id, late.id]);
    const open = ok(
      await svc.gql<{ actionItems: { nodes: Item[] } }>(ACTION_ITEMS, {
        filter: { status: 'OPEN', incidentId: id },
        first: 1,
      }),
    ).actionItems;
    expect(open.nodes.map((n) => n.id)).toEqual([undated.id]);

    const entries = (await timeline(id))
      .filter((e) => e.type.startsWith('ACTION_ITEM_'))
      .map((e) => e.message);
    expect(entries).toEqual([
      `Action item ${late.id} created: add the alert`,
      `Action item ${later.id} created: write the runbook`,
      `Action item ${undated.id} created: tidy up`,
      `Action item ${late.id}: owner User bob; status in_progress`,
      `Action item ${late.id}: status done`,
    ]);
  });

  it('refuses bad owners, a due date that is not a date and a status outside the enum', async () => {
    const id = await newIncident();
    const refused = async (input: object, field: string) => {
      const reply = await svc.gql(CREATE_ACTION_ITEM, { id, input: { text: 'x', ...input } }, responder);
      expect(codeOf(reply), JSON.stringify(reply.errors)).not.toBe('OK');
      if (field) expect(JSON.stringify(reply.errors)).toContain(field);
    };
    await refused({ ownerId: 'nobody' }, 'ownerId');
    await refused({ ownerId: 'off' }, 'ownerId');
    await refused({ dueDate: 'next tuesday' }, 'dueDate');
    const badStatus = await svc.gql(
      UPDATE_ACTION_ITEM,
      { id: 'ACT-00000000', input: { status: 'LATER' } },
      responder,
    );
    expect(codeOf(badStatus)).toBe('VALIDATION');
    const items = ok(
      await svc.gql<{ actionItems: { nodes: Item[] } }>(ACTION_ITEMS, { filter: { incidentId: id } }),
    );
    expect(items.actionItems.nodes).toEqual([]);
  });

  it('are created from a postmortem, reused by text in the next version, which keeps the items as they were', async () => {
    const id = await newIncident();
    const manager = { role: 'manager' as const, id: 'u-mgr' };
    const pm = (done: boolean) => ({
      whatHappened: 'a bad deploy',
      rootCause: 'a typo',
      actionItems: [
        { text: 'lint configs', ownerId: 'ann', done },
        { text: 'page faster', ownerId: 'not-a-user' },
      ],
    });
    type Pm = {
      submitPostmortem: {
        actionItems: { text: string; done: boolean; actionItem: { id: string; ownerId: string | null } }[];
      };
    };
    const first = ok(
      await svc.gql<Pm>(
        SUBMIT_POSTMORTEM.replace('editedAt', 'editedAt actionItems { actionItem { id ownerId } }'),
        { id, input: pm(false) },
        manager,
      ),
    ).submitPostmortem.actionItems;
    expect(first.map((i) => i.actionItem.ownerId)).toEqual(['ann', null]);
    const second = ok(
      await svc.gql<Pm>(
        SUBMIT_POSTMORTEM.replace('editedAt', 'editedAt actionItems { actionItem { id ownerId } }'),
        { id, input: pm(true) },
        manager,
      ),
    ).submitPostmortem.actionItems;
    expect(second.map((i) => i.actionItem.id)).toEqual(first.map((i) => i.actionItem.id));
    expect(second[0]!.done).toBe(true);
    const all = ok(
      await svc.gql<{ actionItems: { nodes: Item[] } }>(ACTION_ITEMS, { filter: { incidentId: id } }),
    );
    expect(all.actionItems.nodes).toHaveLength(2);
  });
});

describe('PolyStatus services as actors', () => {
  it('a flags mitigation note is authored by system:flags, with no User behind it', async () => {
    const id = await newIncident();
    type Note = { addTimelineEvent: { type: string; authorId: string; author: unknown; system: boolean } };
    const note = ok(
      await svc.gql<Note>(
        ADD_NOTE,
        { id, input: { type: 'MITIGATION', message: 'flag checkout-v2 turned off' } },
        flags,
      ),
    ).addTimelineEvent;
    expect(note).toMatchObject({ type: 'MITIGATION', authorId: 'system:flags', author: null, system: false });
  });

  it('csp opens one incident per upstream event (externalKey) and records upstream updates once', async () => {
    const input = { title: 'AWS us-east-1 EC2', sev: 2, source: 'CSP', externalKey: 'aws:evt-42' };
    type Created = {
      createIncident: { id: string; source: string; createdById: string; createdBy: unknown };
    };
    const FIELDS = CREATE.replace('createdById', 'createdById createdBy { id } externalKey');
    const replies = await Promise.all([1, 2, 3].map(() => svc.gql<Created>(FIELDS, { input }, csp)));
    const ids = new Set(replies.map((r) => ok(r).createIncident.id));
    expect(ids.size).toBe(1);
    expect(ok(replies[0]!).createIncident).toMatchObject({
      source: 'CSP',
      createdById: 'system:csp',
      createdBy: null,
    });
    const id = [...ids][0]!;

    const update = {
      provider: 'aws',
      upstreamId: 'evt-42',
      status: 'investigating',
      message: 'We are investigating increased error rates.',
      at: '2026-01-05T10:00:00Z',
      url: 'https://health.aws.amazon.com/health/status',
    };
    type Up = {
      recordUpstreamUpdate: { id: string; type: string; authorId: string; upstream: { at: string } };
    };
    const a = ok(await svc.gql<Up>(RECORD_UPSTREAM, { id, input: update }, csp)).recordUpstreamUpdate;
    const b = ok(await svc.gql<Up>(RECORD_UPSTREAM, { id, input: update }, csp)).recordUpstreamUpdate;
    expect(a).toMatchObject({
      type: 'UPSTREAM_UPDATE',
      authorId: 'system:csp',
      upstream: { at: '2026-01-05T10:00:00.000Z' },
    });
    expect(b).toEqual(a);
    expect((await timeline(id)).filter((e) => e.type === 'UPSTREAM_UPDATE')).toHaveLength(1);
    // A person cannot forge a provider's update.
    expect(
      codeOf(await svc.gql(RECORD_UPSTREAM, { id, input: update }, { role: 'admin', id: 'u-admin' })),
    ).toBe('FORBIDDEN');
  });

  it('a severity or services change tells old and new on the timeline', async () => {
    const id = await newIncident();
    ok(await svc.gql(UPDATE, { id, input: { sev: 1, services: ['checkout', 'db'] } }, responder));
    const last = (await timeline(id)).at(-1)!;
    expect(last).toMatchObject({ type: 'INCIDENT_UPDATED' });
    expect(last.message).toBe('Updated severity 2 → 1; services checkout → checkout, db');
  });
});
