import { INCIDENT_EVENTS, type PublicSnapshot, parseEvent } from '@polystatus/contracts';
import { envelopeFromFields, envelopeToFields, newEnvelope } from '@polystatus/kit';
import { codeOf, fieldsOf, ok, testRedis } from '@polystatus/kit/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commsKeys } from './keys.ts';
import { PUBLIC_PATHS } from './public/render/documents.ts';
import { type CommsHarness, startComms } from './testing/harness.ts';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id status } }`;
const PUBLISH = `mutation($input: PublishAnnouncementInput!) {
  publishAnnouncement(input: $input) { id state message impacts { componentId oldStatus newStatus } }
}`;
const COMPONENT = `query($id: ID!) { component(id: $id) { status history { from to incidentId maintenanceId } uptime(days: 3) { percent daysWithData bars { date observedSeconds uptime } } } }`;
const responder = { role: 'responder' as const, id: 'u-responder' };

const redis = testRedis();
afterAll(() => redis.quit());

let comms: CommsHarness;
beforeEach(async () => {
  comms = await startComms();
});
afterEach(() => comms.close());

async function snapshot(): Promise<PublicSnapshot> {
  const raw = await redis.get(commsKeys(comms.prefix).publicSnapshot);
  return JSON.parse(raw!) as PublicSnapshot;
}
async function doc<T>(path: string): Promise<T> {
  const d = (await snapshot()).documents.find((x) => x.path === path);
  return JSON.parse(d!.body) as T;
}
async function component(name: string): Promise<string> {
  return ok(await comms.gql<{ createComponent: { id: string } }>(CREATE_COMPONENT, { input: { name } }))
    .createComponent.id;
}

describe('announcements and component statuses', () => {
  it('publishes an update with per-component impacts and renders the public page once it returns', async () => {
    const api = await component('API');
    comms.incidents.set({ id: 'INC-AAAAAA', title: 'API errors', sev: 1 });
    const published = ok(
      await comms.gql<{ publishAnnouncement: { impacts: unknown[]; state: string } }>(
        PUBLISH,
        {
          input: {
            incidentId: 'INC-AAAAAA',
            state: 'IDENTIFIED',
            message: 'We found it',
            impacts: [{ componentId: api, status: 'MAJOR_OUTAGE' }],
          },
        },
        responder,
      ),
    ).publishAnnouncement;
    expect(published.state).toBe('IDENTIFIED');
    expect(published.impacts).toEqual([
      { componentId: api, oldStatus: 'OPERATIONAL', newStatus: 'MAJOR_OUTAGE' },
    ]);

    const c = ok(
      await comms.gql<{ component: { status: string; history: unknown[] } }>(COMPONENT, { id: api }),
    ).component;
    expect(c.status).toBe('MAJOR_OUTAGE');
    expect(c.history).toEqual([
      { from: 'OPERATIONAL', to: 'MAJOR_OUTAGE', incidentId: 'INC-AAAAAA', maintenanceId: null },
    ]);

    const summary = await doc<{
      status: { indicator: string };
      components: { id: string; status: string }[];
      incidents: {
        id: string;
        status: string;
        impact: string;
        incident_updates: { affected_components: unknown[] }[];
      }[];
    }>('/api/v2/summary.json');
    expect(summary.status.indicator).toBe('critical');
    expect(summary.components.find((x) => x.id === api)?.status).toBe('major_outage');
    expect(summary.incidents[0]).toMatchObject({
      id: 'INC-AAAAAA',
      status: 'identified',
      impact: 'critical',
    });
    expect(summary.incidents[0]!.incident_updates[0]!.affected_components).toEqual([
      { code: api, name: 'API', old_status: 'operational', new_status: 'major_outage' },
    ]);
    const status = await doc<unknown[]>('/api/v1/public/status');
    expect(status).toEqual([
      {
        id: 'INC-AAAAAA',
        title: 'API errors',
        sev: 1,
        status: 'open',
        last_public: { ts: expect.any(Number), message: 'We found it', state: 'identified' },
      },
    ]);

    // Federated: Incident.announcements and lastPublic.
    const entity = ok(
      await comms.gql<{ _entities: { lastPublic: { message: string }; announcements: unknown[] }[] }>(
        `query { _entities(representations: [{ __typename: "Incident", id: "INC-AAAAAA" }]) { ... on Incident { lastPublic { message } announcements { id } } } }`,
      ),
    )._entities[0]!;
    expect(entity.lastPublic.message).toBe('We found it');
    expect(entity.announcements).toHaveLength(1);

    // The event, exactly as the contract says.
    const events = await redis.xrange(commsKeys(comms.prefix).events, '-', '+');
    const types = events.map(([, f]) => parseEvent('comms', envelopeFromFields(f)).type);
    expect(types).toContain('announcement.published');
    expect(types).toContain('component.status_changed');
    expect(types).toContain('public_status.changed');
  });

  it('refuses an unknown incident (NOT_FOUND), an unknown component and an empty message (VALIDATION)', async () => {
    const unknown = await comms.gql(
      PUBLISH,
      { input: { incidentId: 'INC-NOPE00', state: 'INVESTIGATING', message: 'x' } },
      responder,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    comms.incidents.set({ id: 'INC-BBBBBB' });
    const empty = await comms.gql(
      PUBLISH,
      { input: { incidentId: 'INC-BBBBBB', state: 'INVESTIGATING', message: '  ' } },
      responder,
    );
    expect(codeOf(empty)).toBe('VALIDATION');
    expect(fieldsOf(empty)).toEqual(['message']);
    const noComponent = await comms.gql(
      PUBLISH,
      {
        input: {
          incidentId: 'INC-BBBBBB',
          state: 'INVESTIGATING',
          message: 'x',
          impacts: [{ componentId: 'cmp_none', status: 'MAJOR_OUTAGE' }],
        },
      },
      responder,
    );
    expect(fieldsOf(noComponent)).toEqual(['impacts[0].componentId']);
    expect(
      codeOf(
        await comms.gql(
          PUBLISH,
          { input: { incidentId: 'INC-BBBBBB', state: 'INVESTIGATING', message: 'x' } },
          { role: 'viewer', id: 'u-v' },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('learns of a resolution from the incidents stream (once, however often delivered) and releases the components', async () => {
    const api = await component('API');
    comms.incidents.set({ id: 'INC-CCCCCC' });
    ok(
      await comms.gql(
        PUBLISH,
        {
          input: {
            incidentId: 'INC-CCCCCC',
            state: 'INVESTIGATING',
            message: 'Looking',
            impacts: [{ componentId: api, status: 'PARTIAL_OUTAGE' }],
          },
        },
        responder,
      ),
    );
    comms.incidents.set({ id: 'INC-CCCCCC', status: 'resolved', resolvedAt: Date.now() });
    const event = newEnvelope(INCIDENT_EVENTS.statusChanged, 'u-1', 'INC-CCCCCC', {
      incidentId: 'INC-CCCCCC',
      version: 2,
      timelineEntryId: '1-0',
      from: 'open',
      to: 'resolved',
      note: null,
    });
    const stream = `${comms.prefix}:incidents:events`;
    await redis.xadd(stream, '*', ...envelopeToFields(event));
    await expect
      .poll(
        async () =>
          ok(await comms.gql<{ component: { status: string } }>(COMPONENT, { id: api })).component.status,
        { timeout: 5000 },
      )
      .toBe('OPERATIONAL');
    const unresolved = await doc<{ incidents: unknown[] }>('/api/v2/incidents/unresolved.json');
    await expect
      .poll(async () => (await doc<{ incidents: unknown[] }>('/api/v2/incidents/unresolved.json')).incidents)
      .toEqual([]);
    expect(unresolved).toBeDefined();
    // The same event again (a redelivery) changes nothing.
    const reads = comms.incidents.reads;
    await redis.xadd(stream, '*', ...envelopeToFields(event));
    await expect.poll(() => comms.incidents.reads).toBeGreaterThan(reads);
    const history = ok(await comms.gql<{ component: { history: unknown[] } }>(COMPONENT, { id: api }))
      .component.history;
    expect(history).toHaveLength(2);
  });
});

describe('maintenance', () => {
  it('moves on its own: scheduled → in progress (components under maintenance) → completed, each a public update', async () => {
    const db = await component('Database');
    const now = Date.now();
    const scheduled = ok(
      await comms.gql<{ scheduleMaintenance: { id: string; status: string } }>(
        `mutation($input: ScheduleMaintenanceInput!) { scheduleMaintenance(input: $input) { id status } }`,
        {
          input: {
            name: 'DB upgrade',
            message: 'Writes pause for a minute.',
            componentIds: [db],
            scheduledFor: new Date(now + 300).toISOString(),
            scheduledUntil: new Date(now + 1500).toISOString(),
          },
        },
      ),
    ).scheduleMaintenance;
    expect(scheduled.status).toBe('SCHEDULED');
    expect(
      (
        await doc<{ scheduled_maintenances: { id: string }[] }>(
          '/api/v2/scheduled-maintenances/upcoming.json',
        )
      ).scheduled_maintenances.map((m) => m.id),
    ).toEqual([scheduled.id]);
    // What the admin told the public, and the components it affects, in our summary as in Statuspage's.
    expect((await doc<{ maintenances: unknown[] }>('/api/v1/public/summary')).maintenances).toEqual([
      expect.objectContaining({
        id: scheduled.id,
        message: 'Writes pause for a minute.',
        components: [{ id: db, name: 'Database', group: null }],
      }),
    ]);
    // The same through the graph (publicStatus, for GraphQL clients and wallboards), once the rendering has it.
    await expect
      .poll(
        async () =>
          ok(
            await comms.gql<{ publicStatus: { maintenances: unknown[] } }>(
              'query { publicStatus { maintenances { id message components { id name group } } } }',
              {},
              { kind: 'anonymous' },
            ),
          ).publicStatus.maintenances,
      )
      .toEqual([
        {
          id: scheduled.id,
          message: 'Writes pause for a minute.',
          components: [{ id: db, name: 'Database', group: null }],
        },
      ]);

    const statusOf = async () =>
      ok(
        await comms.gql<{ maintenance: { status: string } }>(
          `query($id: ID!) { maintenance(id: $id) { status } }`,
          { id: scheduled.id },
        ),
      ).maintenance.status;
    await expect.poll(statusOf, { timeout: 3000 }).toBe('IN_PROGRESS');
    expect(
      ok(await comms.gql<{ component: { status: string } }>(COMPONENT, { id: db })).component.status,
    ).toBe('UNDER_MAINTENANCE');
    await expect
      .poll(async () =>
        (
          await doc<{ scheduled_maintenances: { status: string }[] }>(
            '/api/v2/scheduled-maintenances/active.json',
          )
        ).scheduled_maintenances.map((m) => m.status),
      )
      .toEqual(['in_progress']);
    await expect.poll(statusOf, { timeout: 4000 }).toBe('COMPLETED');
    expect(
      ok(await comms.gql<{ component: { status: string } }>(COMPONENT, { id: db })).component.status,
    ).toBe('OPERATIONAL');
    const all = await doc<{
      scheduled_maintenances: {
        components: { id: string }[];
        incident_updates: { status: string; body: string; affected_components: unknown }[];
      }[];
    }>('/api/v2/scheduled-maintenances.json');
    const [done] = all.scheduled_maintenances;
    expect(done!.components.map((c) => c.id)).toEqual([db]);
    // Each step's component changes, as the components' history recorded them.
    const change = (from: string, to: string) => [
      { code: db, name: 'Database', old_status: from, new_status: to },
    ];
    expect(done!.incident_updates.map((u) => [u.status, u.body, u.affected_components])).toEqual([
      [
        'completed',
        'The scheduled maintenance has been completed.',
        change('under_maintenance', 'operational'),
      ],
      [
        'in_progress',
        'The scheduled maintenance is in progress.',
        change('operational', 'under_maintenance'),
      ],
      ['scheduled', 'Writes pause for a minute.', change('operational', 'operational')],
    ]);
  });

  it('refuses a window that ends before it starts and edits of a started maintenance', async () => {
    const now = Date.now();
    const bad = await comms.gql(
      `mutation($input: ScheduleMaintenanceInput!) { scheduleMaintenance(input: $input) { id } }`,
      {
        input: {
          name: 'x',
          componentIds: [],
          scheduledFor: new Date(now + 1000).toISOString(),
          scheduledUntil: new Date(now).toISOString(),
        },
      },
    );
    expect(fieldsOf(bad)).toEqual(['scheduledUntil']);
  });
});

describe('the public snapshot', () => {
  it('stores one rendering per version, each newer than the last, with every public document', async () => {
    await expect
      .poll(async () => (await redis.get(commsKeys(comms.prefix).publicSnapshot)) !== null)
      .toBe(true);
    const first = await snapshot();
    const cdn = await component('CDN');
    const second = await snapshot();
    expect(second.version).toBeGreaterThan(first.version);
    // Every path the read path serves, plus the new component's badges (by id and by slug).
    expect(second.documents.map((d) => d.path).sort()).toEqual(
      [...PUBLIC_PATHS, `/badge/${cdn}.svg`, '/badge/cdn.svg'].sort(),
    );
    const publicStatus = ok(
      await comms.gql<{ publicStatus: { version: number; components: { name: string }[] } }>(
        `query { publicStatus { version indicator components { name status } } }`,
        {},
        { kind: 'anonymous' },
      ),
    );
    expect(publicStatus.publicStatus.components.map((c) => c.name)).toEqual(['CDN']);
  });

  it('folds a burst of changes into few renderings (no stampede)', async () => {
    await expect
      .poll(async () => (await redis.get(commsKeys(comms.prefix).publicSnapshot)) !== null)
      .toBe(true);
    const before = (await snapshot()).version;
    await Promise.all(Array.from({ length: 20 }, (_, i) => component(`C${i}`)));
    const after = await snapshot();
    expect(after.version - before).toBeLessThan(20);
    expect(
      JSON.parse(after.documents.find((d) => d.path === '/api/v2/components.json')!.body).components,
    ).toHaveLength(20);
  });
});
