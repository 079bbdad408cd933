import { envelopeFromFields, newEnvelope } from '@polystatus/kit';
import { deletePrefix, ok, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentsKeys } from './keys.ts';
import { IncidentStore } from './store/incident-store.ts';
import { UserDirectory } from './store/user-directory.ts';
import { type IncidentsHarness, startIncidents } from './testing/harness.ts';
import { ASSIGN, CREATE, GET, TIMELINE } from './testing/operations.ts';
import { appendUserEvent, createUsers } from './testing/users.ts';

/** The commander must be an existing, enabled user, as learned from the users domain's event stream. */

const prefix = uniquePrefix('incidents-cmdr');
const keys = incidentsKeys(prefix);
let redis: Redis;
let svc: IncidentsHarness;

beforeAll(async () => {
  redis = testRedis();
  svc = await startIncidents({ prefix });
});
afterAll(async () => {
  await svc?.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

const manager = { role: 'manager' as const, id: 'u-mgr' };
type Incident = { id: string; version: number; commanderId: string | null };

const errorOf = (reply: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  reply.errors?.[0]?.extensions;

async function create(): Promise<Incident> {
  return ok(await svc.gql<{ createIncident: Incident }>(CREATE, { input: { title: 'Needs a lead', sev: 2 } }))
    .createIncident;
}

const assign = (id: string, commanderId: string, v?: number) =>
  svc.gql<{ assignCommander: Incident }>(ASSIGN, { id, commanderId, v }, manager);

/** Everything an assignment would change, to show a refusal changed none of it. */
async function snapshot(id: string) {
  const incident = ok(await svc.gql<{ incident: Incident }>(GET, { id })).incident;
  const timeline = ok(await svc.gql<{ incident: { timeline: { edges: unknown[] } } }>(TIMELINE, { id }))
    .incident.timeline.edges.length;
  const events = (await redis.xrange(keys.events, '-', '+')).filter(
    ([, f]) => envelopeFromFields(f).subject === id,
  ).length;
  return { version: incident.version, commanderId: incident.commanderId, timeline, events };
}

describe('assignCommander checks the commander against the users events', () => {
  it('refuses an id that is no user with VALIDATION on commanderId, changing nothing', async () => {
    await createUsers(redis, prefix, 'someone-else');
    const inc = await create();
    const before = await snapshot(inc.id);
    const reply = await assign(inc.id, 'not-a-user');
    expect(errorOf(reply)).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'commanderId', issue: 'no such user' }],
    });
    expect(reply.data?.assignCommander ?? null).toBeNull();
    expect(await snapshot(inc.id)).toEqual(before);
    expect(await redis.exists(keys.byCommander('not-a-user'))).toBe(0);
  });

  it('accepts a user created a moment before the assignment', async () => {
    const inc = await create();
    await createUsers(redis, prefix, 'fresh-user');
    const a = ok(await assign(inc.id, 'fresh-user', 1)).assignCommander;
    expect(a).toMatchObject({ commanderId: 'fresh-user', version: 2 });
  });

  it('refuses a disabled user, and accepts them again once re-enabled', async () => {
    const inc = await create();
    await createUsers(redis, prefix, 'flaky');
    await appendUserEvent(redis, prefix, 'user.disabled', 'flaky');
    const before = await snapshot(inc.id);
    expect(errorOf(await assign(inc.id, 'flaky'))).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'commanderId', issue: 'user is disabled' }],
    });
    expect(await snapshot(inc.id)).toEqual(before);

    await appendUserEvent(redis, prefix, 'user.enabled', 'flaky');
    expect(ok(await assign(inc.id, 'flaky')).assignCommander).toMatchObject({
      commanderId: 'flaky',
      version: 2,
    });
  });

  it('ignores events that do not change whether a user may command', async () => {
    const inc = await create();
    await createUsers(redis, prefix, 'promoted');
    await appendUserEvent(redis, prefix, 'user.role_changed', 'promoted', { from: 'viewer', to: 'manager' });
    await appendUserEvent(redis, prefix, 'user.updated', 'promoted', { fields: ['name'] });
    await appendUserEvent(redis, prefix, 'user.updated', 'ghost', { fields: ['name'] });
    ok(await assign(inc.id, 'promoted'));
    expect(errorOf(await assign(inc.id, 'ghost'))?.code).toBe('VALIDATION');
  });
});

describe('the timeline names people', () => {
  type Entry = { type: string; message: string; subjectId: string | null; subject: { id: string } | null };
  const entries = async (id: string) =>
    ok(
      await svc.gql<{ incident: { timeline: { edges: { node: Entry }[] } } }>(
        `query($id: ID!) { incident(id: $id) { timeline(first: 50) { edges { node {
          type message subjectId subject { id } } } } } }`,
        { id },
      ),
    ).incident.timeline.edges.map((e) => e.node);

  it('as the users events call them when the entry is written, with the user in subject', async () => {
    const inc = await create();
    await createUsers(redis, prefix, 'lead-one', 'lead-two');
    ok(await assign(inc.id, 'lead-one'));
    // A rename reaches later entries; what was written stays as it was said.
    await appendUserEvent(redis, prefix, 'user.updated', 'lead-one', { fields: ['name'], name: 'Ann Lee' });
    ok(await assign(inc.id, 'lead-two'));
    ok(
      await svc.gql(
        `mutation($id: ID!) { acknowledgeIncident(id: $id) { acknowledged } }`,
        { id: inc.id },
        {
          role: 'responder',
          id: 'lead-one',
        },
      ),
    );
    const written = (await entries(inc.id)).filter((e) => e.type !== 'CREATED');
    expect(written).toEqual([
      {
        type: 'COMMANDER_ASSIGNED',
        message: 'Commander assigned: User lead-one',
        subjectId: 'lead-one',
        subject: { id: 'lead-one' },
      },
      {
        type: 'COMMANDER_ASSIGNED',
        message: 'Commander assigned: User lead-two (was Ann Lee)',
        subjectId: 'lead-two',
        subject: { id: 'lead-two' },
      },
      { type: 'ACKNOWLEDGED', message: 'Acknowledged by Ann Lee', subjectId: null, subject: null },
    ]);
  });

  it('by id when the directory never heard of them (a service, a user from before names were kept)', async () => {
    const inc = await create();
    await createUsers(redis, prefix, 'nameless');
    await new UserDirectory(redis, keys).catchUp();
    expect(await redis.hdel(keys.userNames, 'nameless')).toBe(1);
    ok(await assign(inc.id, 'nameless'));
    const [entry] = (await entries(inc.id)).filter((e) => e.type === 'COMMANDER_ASSIGNED');
    expect(entry?.message).toBe('Commander assigned: nameless');
  });
});

describe('UserDirectory', () => {
  // Each test owns a prefix, so stream positions and trims do not disturb the service above.
  const own = () => {
    const p = uniquePrefix('incidents-dir');
    return { p, k: incidentsKeys(p) };
  };

  it('catches up in pages and applies each entry once, whoever races', async () => {
    const { p, k } = own();
    try {
      for (let i = 0; i < 23; i++) await createUsers(redis, p, `u${i}`);
      await appendUserEvent(redis, p, 'user.disabled', 'u3');
      await appendUserEvent(redis, p, 'user.enabled', 'u3');
      await appendUserEvent(redis, p, 'user.disabled', 'u3');
      const dirs = Array.from({ length: 6 }, () => new UserDirectory(redis, k, 4));
      const answers = await Promise.all(dirs.map((d, i) => d.standing(i % 2 ? 'u3' : 'u22')));
      expect(answers).toEqual(['enabled', 'disabled', 'enabled', 'disabled', 'enabled', 'disabled']);
      expect(await redis.hlen(k.userDirectory)).toBe(23);
      const last = (await redis.xrevrange(k.usersEvents, '+', '-', 'COUNT', 1))[0]?.[0];
      expect(await redis.get(k.userDirectoryApplied)).toBe(last);
      expect(await dirs[0]!.catchUp()).toBe(0);
    } finally {
      await deletePrefix(redis, p);
    }
  });

  it('knows a user created disabled as disabled', async () => {
    const { p, k } = own();
    try {
      await appendUserEvent(redis, p, 'user.created', 'born-off', { id: 'born-off', disabled: true });
      expect(await new UserDirectory(redis, k).standing('born-off')).toBe('disabled');
    } finally {
      await deletePrefix(redis, p);
    }
  });

  it('replays the remaining stream when it was trimmed past the applied position, or the projection reset', async () => {
    const { p, k } = own();
    const dir = new UserDirectory(redis, k, 2);
    try {
      await createUsers(redis, p, 'early');
      expect(await dir.standing('early')).toBe('enabled');
      await createUsers(redis, p, 'lost');
      const keptFrom = await appendUserEvent(redis, p, 'user.disabled', 'early');
      await createUsers(redis, p, 'late');
      // Trim exactly past the applied position and the `lost` user's creation.
      await redis.xtrim(k.usersEvents, 'MINID', keptFrom);

      expect(await dir.standing('late')).toBe('enabled');
      expect(await dir.standing('early')).toBe('disabled');
      // The limit the README documents: an event trimmed before it was applied is never learned.
      expect(await dir.standing('lost')).toBe('unknown');

      await redis.del(k.userDirectory, k.userDirectoryApplied);
      expect(await dir.standing('late')).toBe('enabled');
      expect(await dir.standing('early')).toBe('disabled');
    } finally {
      await deletePrefix(redis, p);
    }
  });

  it('re-checks the commander inside the write: a user disabled after the check is not assigned', async () => {
    const { p, k } = own();
    const store = new IncidentStore(redis, k, { eventStreamMaxLen: 1000, listScanBudget: 1000 });
    const dir = new UserDirectory(redis, k);
    const change = (subject: string) => ({
      actor: 'u-mgr',
      now: Date.now(),
      event: newEnvelope('incident.commander_assigned', 'u-mgr', subject, { incidentId: subject }),
    });
    try {
      await createUsers(redis, p, 'racer');
      const created = await store.create(
        {
          id: 'INC-RACE0001',
          title: 'Race',
          sev: 2,
          services: [],
          summary: '',
          source: 'manual',
          status: 'open',
          externalKey: null,
        },
        { ...change('INC-RACE0001'), message: 'Incident declared' },
      );
      expect(created.outcome).toBe('ok');
      expect(await dir.standing('racer')).toBe('enabled');
      // The disable lands between the service's check and its write.
      await appendUserEvent(redis, p, 'user.disabled', 'racer');
      expect((await store.assignCommander('INC-RACE0001', 'racer', change('INC-RACE0001'))).outcome).toBe(
        'directory_behind',
      );
      expect(await dir.standing('racer')).toBe('disabled');
      expect((await store.assignCommander('INC-RACE0001', 'racer', change('INC-RACE0001'))).outcome).toBe(
        'commander_refused',
      );
      expect(await redis.hget(k.incident('INC-RACE0001'), 'commanderId')).toBeNull();
    } finally {
      await deletePrefix(redis, p);
    }
  });

  it('answers unknown for any id while the users stream does not exist', async () => {
    const { k } = own();
    expect(await new UserDirectory(redis, k).standing('anyone')).toBe('unknown');
    expect(await redis.exists(k.userDirectory, k.userDirectoryApplied)).toBe(0);
  });
});
