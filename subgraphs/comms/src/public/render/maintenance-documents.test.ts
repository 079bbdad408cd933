import { describe, expect, it } from 'vitest';
import type { Component, ComponentGroup, StatusChange } from '../../domain/component.ts';
import type { Maintenance } from '../../domain/maintenance.ts';
import type { PublicState } from '../public-state-types.ts';
import { atomFeed } from './feeds.ts';
import { publicSummary } from './polystatus.ts';
import { statuspageDocuments } from './statuspage.ts';
import { buildView } from './view.ts';

/** A maintenance's message and components, as every public document tells them. */
const NOW = Date.UTC(2026, 0, 10, 12);
const MIN = 60_000;
const settings = {
  pageName: 'Acme',
  pageUrl: 'https://status.acme.test',
  recentResolvedMs: 0,
  bannerResolvedMs: 0,
};

const group: ComponentGroup = { id: 'grp_pay', name: 'Payments', description: '', position: 1, createdAt: 0 };
const component = (id: string, name: string, over: Partial<Component> = {}): Component => ({
  id,
  name,
  description: '',
  groupId: null,
  position: 0,
  status: 'operational',
  createdAt: NOW - 30 * 24 * 60 * MIN,
  updatedAt: NOW - 30 * 24 * 60 * MIN,
  ...over,
});
// Listed on the page as API, then the Payments group's Card API; the maintenance names them the other way round.
const api = component('cmp_api', 'API', { position: 0 });
const card = component('cmp_card', 'Card API', { groupId: group.id, position: 0 });
const other = component('cmp_web', 'Website', { position: 2 });

function state(maintenances: Maintenance[], history: [string, StatusChange[]][] = []): PublicState {
  return {
    seq: 0,
    groups: [group],
    components: [api, card, other],
    history: new Map(history.map(([cid, within]) => [cid, { before: null, within }])),
    incidents: [],
    maintenances,
    manualBanner: null,
  };
}

function maintenance(over: Partial<Maintenance> = {}): Maintenance {
  const createdAt = NOW - 60 * MIN;
  return {
    id: 'mnt_1',
    name: 'Database upgrade',
    message: 'Card payments may be slow for a few minutes.',
    status: 'scheduled',
    componentIds: [card.id, api.id],
    scheduledFor: NOW + 60 * MIN,
    scheduledUntil: NOW + 120 * MIN,
    startedAt: null,
    completedAt: null,
    createdAt,
    updatedAt: createdAt,
    updates: [
      {
        status: 'scheduled',
        message: 'Card payments may be slow for a few minutes.',
        at: createdAt,
        authorId: 'u1',
      },
    ],
    ...over,
  };
}

interface SpMaintenance {
  id: string;
  components: { id: string; name: string }[];
  incident_updates: {
    status: string;
    body: string;
    affected_components: { code: string; name: string; old_status: string; new_status: string }[] | null;
  }[];
}
const scheduled = (docs: Record<string, unknown>, path: string) =>
  (docs[path] as { scheduled_maintenances: SpMaintenance[] }).scheduled_maintenances;

describe("a maintenance's message and affected components", () => {
  it('are in our summary: the message, and the components in page order with their group', () => {
    const summary = publicSummary(buildView(state([maintenance()]), settings, NOW));
    expect(summary.maintenances).toEqual([
      expect.objectContaining({
        id: 'mnt_1',
        message: 'Card payments may be slow for a few minutes.',
        components: [
          { id: api.id, name: 'API', group: null },
          { id: card.id, name: 'Card API', group: 'Payments' },
        ],
      }),
    ]);
  });

  it('are null and empty in our summary when the admin gave neither', () => {
    const bare = maintenance({
      message: '',
      componentIds: [],
      updates: [
        { status: 'scheduled', message: 'The maintenance is scheduled.', at: NOW - MIN, authorId: 'u1' },
      ],
    });
    const [m] = publicSummary(buildView(state([bare]), settings, NOW)).maintenances;
    expect(m).toMatchObject({ message: null, components: [] });
  });

  it("are in Statuspage's scheduled-maintenances documents: the scheduling update's body and affected components", () => {
    const docs = statuspageDocuments(buildView(state([maintenance()]), settings, NOW));
    for (const path of [
      '/api/v2/scheduled-maintenances.json',
      '/api/v2/scheduled-maintenances/upcoming.json',
      '/api/v2/summary.json',
    ]) {
      const [m] = scheduled(docs, path);
      expect(m!.components.map((c) => c.name)).toEqual(['Card API', 'API']);
      expect(m!.incident_updates).toEqual([
        expect.objectContaining({
          status: 'scheduled',
          body: 'Card payments may be slow for a few minutes.',
          // As Statuspage lists them when scheduling: every component, its status unchanged.
          affected_components: [
            {
              code: card.id,
              name: 'Payments - Card API',
              old_status: 'operational',
              new_status: 'operational',
            },
            { code: api.id, name: 'API', old_status: 'operational', new_status: 'operational' },
          ],
        }),
      ]);
    }
  });

  it('read as edited: a changed message is what the scheduling update says, in Statuspage and the feed', () => {
    const edited = maintenance({ message: 'Card payments will be down for ten minutes.' });
    const v = buildView(state([edited]), settings, NOW);
    const [m] = scheduled(statuspageDocuments(v), '/api/v2/scheduled-maintenances.json');
    expect(m!.incident_updates[0]!.body).toBe('Card payments will be down for ten minutes.');
    expect(publicSummary(v).maintenances[0]!.message).toBe('Card payments will be down for ten minutes.');
    const feed = atomFeed(v);
    expect(feed).toContain('Card payments will be down for ten minutes.');
    expect(feed).not.toContain('may be slow');
  });

  it("list each later step's status changes from the components' history, and none for a step that changed none", () => {
    const startedAt = NOW - 10 * MIN;
    const verifyingAt = NOW - 5 * MIN;
    const running = maintenance({
      status: 'verifying',
      startedAt,
      updatedAt: verifyingAt,
      updates: [
        ...maintenance().updates,
        { status: 'in_progress', message: 'Started; failover in progress.', at: startedAt, authorId: 'u1' },
        { status: 'verifying', message: 'Checking.', at: verifyingAt, authorId: 'u1' },
      ],
    });
    // The card API was already down for an incident, which outranks the maintenance: only the API moved.
    const v = buildView(
      state(
        [running],
        [
          [
            api.id,
            [
              {
                at: startedAt,
                from: 'operational',
                to: 'under_maintenance',
                incidentId: null,
                maintenanceId: 'mnt_1',
              },
            ],
          ],
          [
            card.id,
            [
              {
                at: NOW - 20 * MIN,
                from: 'operational',
                to: 'major_outage',
                incidentId: 'INC-1',
                maintenanceId: null,
              },
            ],
          ],
        ],
      ),
      settings,
      NOW,
    );
    const [m] = scheduled(statuspageDocuments(v), '/api/v2/scheduled-maintenances/active.json');
    expect(m!.incident_updates.map((u) => [u.status, u.body, u.affected_components])).toEqual([
      ['verifying', 'Checking.', null],
      [
        'in_progress',
        'Started; failover in progress.',
        [{ code: api.id, name: 'API', old_status: 'operational', new_status: 'under_maintenance' }],
      ],
      [
        'scheduled',
        'Card payments may be slow for a few minutes.',
        [
          // When it was scheduled the card API was still up: its status then, not now.
          {
            code: card.id,
            name: 'Payments - Card API',
            old_status: 'operational',
            new_status: 'operational',
          },
          { code: api.id, name: 'API', old_status: 'operational', new_status: 'operational' },
        ],
      ],
    ]);
    expect(publicSummary(v).maintenances[0]).toMatchObject({
      status: 'verifying',
      message: 'Card payments may be slow for a few minutes.',
      components: [{ id: api.id }, { id: card.id }],
    });
  });

  it('leave out a status the history read does not reach back to, rather than invent one', () => {
    const long = maintenance({
      createdAt: NOW - 200 * 24 * 60 * MIN,
      updates: [
        { status: 'scheduled', message: 'Long planned', at: NOW - 200 * 24 * 60 * MIN, authorId: 'u1' },
      ],
    });
    const s = state([long]);
    // The last change before the window is after the scheduling: what the API's status was then is unknown.
    s.history.set(api.id, {
      before: {
        at: NOW - 100 * 24 * 60 * MIN,
        from: 'partial_outage',
        to: 'operational',
        incidentId: 'INC-0',
        maintenanceId: null,
      },
      within: [],
    });
    const [m] = scheduled(
      statuspageDocuments(buildView(s, settings, NOW)),
      '/api/v2/scheduled-maintenances.json',
    );
    expect(m!.incident_updates[0]!.affected_components?.map((c) => c.code)).toEqual([card.id]);
  });
});
