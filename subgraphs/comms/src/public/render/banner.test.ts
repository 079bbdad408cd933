import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../domain/announcement.ts';
import type { MirroredIncident } from '../../domain/incident.ts';
import type { Maintenance } from '../../domain/maintenance.ts';
import type { ManualBanner } from '../../domain/manual-banner.ts';
import type { PublicState } from '../public-state-types.ts';
import { bannerDocument, bannerOf } from './banner.ts';
import { buildView } from './view.ts';

const NOW = Date.UTC(2026, 0, 10, 12);
const MIN = 60_000;
const settings = {
  pageName: 'Acme',
  pageUrl: 'https://status.acme.test',
  recentResolvedMs: 72 * 3600_000,
  bannerResolvedMs: 10 * MIN,
};

function incident(id: string, over: Partial<MirroredIncident> = {}): MirroredIncident {
  return {
    id,
    title: `Incident ${id}`,
    sev: 2,
    status: 'open',
    services: [],
    startedAt: NOW - 30 * MIN,
    resolvedAt: null,
    updatedAt: NOW - 30 * MIN,
    state: 'investigating',
    lastAnnouncementId: null,
    impacts: {},
    ...over,
  };
}
const said = (incidentId: string, message: string, at: number): Announcement =>
  ({
    id: `ann_${at}`,
    incidentId,
    state: 'investigating',
    message,
    authorId: 'u1',
    publishedAt: at,
    impacts: [],
  }) as Announcement;

function maintenance(over: Partial<Maintenance> = {}): Maintenance {
  return {
    id: 'mnt_1',
    name: 'Database upgrade',
    message: 'Planned',
    status: 'in_progress',
    componentIds: [],
    scheduledFor: NOW - 10 * MIN,
    scheduledUntil: NOW + 50 * MIN,
    startedAt: NOW - 10 * MIN,
    completedAt: null,
    createdAt: NOW - 100 * MIN,
    updatedAt: NOW - 10 * MIN,
    updates: [{ status: 'in_progress', message: 'Started', at: NOW - 10 * MIN, authorId: 'system:comms' }],
    ...over,
  };
}

const manual = (over: Partial<ManualBanner> = {}): ManualBanner => ({
  id: 'bnr_1',
  level: 'info',
  title: 'New login page on Monday',
  message: '',
  link: null,
  startsAt: NOW - MIN,
  endsAt: null,
  setById: 'u-admin',
  setAt: NOW - MIN,
  ...over,
});

function view(parts: Partial<PublicState>, now = NOW) {
  const state: PublicState = {
    seq: 1,
    groups: [],
    components: [],
    history: new Map(),
    incidents: [],
    maintenances: [],
    manualBanner: null,
    ...parts,
  };
  return buildView(state, settings, now);
}

describe('the banner', () => {
  it('is empty when nothing is going on', () => {
    const b = bannerOf(view({}));
    expect(b).toEqual({ top: null, others: 0, nextChangeAt: null });
    expect(bannerDocument(view({}), b)).toEqual({
      banner: null,
      also_active: 0,
      page_url: 'https://status.acme.test',
    });
  });

  it('shows the most severe unresolved incident with its latest public message, and counts the others', () => {
    const b = bannerOf(
      view({
        incidents: [
          { incident: incident('INC-MINOR', { sev: 3 }), announcements: [] },
          {
            incident: incident('INC-CRIT', { sev: 1, title: 'Checkout down' }),
            announcements: [
              said('INC-CRIT', 'Newest word', NOW - MIN),
              said('INC-CRIT', 'Older', NOW - 5 * MIN),
            ],
          },
        ],
        maintenances: [maintenance()],
      }),
    );
    expect(b.top).toMatchObject({
      id: 'INC-CRIT',
      kind: 'incident',
      level: 'critical',
      title: 'Checkout down',
      state: 'investigating',
      message: 'Newest word',
      url: 'https://status.acme.test/incidents/INC-CRIT',
      since: NOW - 30 * MIN,
    });
    expect(b.others).toBe(2);
  });

  it('puts an incident before a maintenance or a notice of the same level', () => {
    const b = bannerOf(
      view({
        incidents: [{ incident: incident('INC-4', { sev: 4 }), announcements: [] }],
        manualBanner: manual({ level: 'minor' }),
      }),
    );
    expect(b.top).toMatchObject({ id: 'INC-4', level: 'minor' });
  });

  it('shows a running maintenance, and a more severe manual banner above it', () => {
    expect(bannerOf(view({ maintenances: [maintenance()] })).top).toMatchObject({
      kind: 'maintenance',
      level: 'maintenance',
      state: 'in_progress',
      message: 'Started',
    });
    expect(bannerOf(view({ maintenances: [maintenance({ status: 'scheduled' })] })).top).toBeNull();
    const b = bannerOf(view({ maintenances: [maintenance()], manualBanner: manual({ level: 'major' }) }));
    expect(b.top).toMatchObject({ kind: 'notice', level: 'major', url: 'https://status.acme.test' });
  });

  it('keeps a resolved incident as an all-clear for the configured time, then clears, and says when', () => {
    const resolved = incident('INC-R', { status: 'resolved', resolvedAt: NOW - 2 * MIN, state: 'resolved' });
    const during = bannerOf(view({ incidents: [{ incident: resolved, announcements: [] }] }));
    expect(during.top).toMatchObject({ id: 'INC-R', level: 'resolved', state: 'resolved' });
    expect(during.nextChangeAt).toBe(NOW + 8 * MIN);
    const after = bannerOf(view({ incidents: [{ incident: resolved, announcements: [] }] }, NOW + 8 * MIN));
    expect(after).toEqual({ top: null, others: 0, nextChangeAt: null });
    // Anything still going on outranks an all-clear.
    const both = bannerOf(
      view({ incidents: [{ incident: resolved, announcements: [] }], manualBanner: manual() }),
    );
    expect(both.top?.kind).toBe('notice');
  });

  it('shows a manual banner only between its start and its end, and renders again at each', () => {
    const later = manual({ startsAt: NOW + 5 * MIN, endsAt: NOW + 20 * MIN });
    const before = bannerOf(view({ manualBanner: later }));
    expect(before).toEqual({ top: null, others: 0, nextChangeAt: NOW + 5 * MIN });
    const during = bannerOf(view({ manualBanner: later }, NOW + 5 * MIN));
    expect(during.top).toMatchObject({ id: 'bnr_1', level: 'info' });
    expect(during.nextChangeAt).toBe(NOW + 20 * MIN);
    expect(bannerOf(view({ manualBanner: later }, NOW + 20 * MIN)).top).toBeNull();
  });

  it('carries markup as the text it is: escaping is the reader’s job, and the widget sets text only', () => {
    const xss = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const v = view({ manualBanner: manual({ title: xss, message: xss }) });
    const doc = bannerDocument(v, bannerOf(v));
    expect(doc.banner).toMatchObject({ title: xss, message: xss });
  });
});
