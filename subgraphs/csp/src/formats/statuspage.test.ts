import { describe, expect, it } from 'vitest';
import { parseFeed } from './index.ts';
import { fixture, NOW } from './testing/fixtures.ts';
import type { ComponentStatus } from './types.ts';

const parse = (path: string, url?: string) =>
  parseFeed('statuspage', fixture(`statuspage/${path}`), { now: NOW, ...(url ? { url } : {}) });

const countStatuses = (statuses: ComponentStatus[]) =>
  statuses.reduce<Record<string, number>>((acc, s) => {
    acc[s] = (acc[s] ?? 0) + 1;
    return acc;
  }, {});

describe('statuspage summary.json', () => {
  it('github: one open major incident, real component transitions only', () => {
    const feed = parse('github-summary-2022-11-25-active-incident.json');
    expect(feed.currentOnly).toBe(true);
    expect(countStatuses(feed.components.map((c) => c.status))).toEqual({
      operational: 10,
      partial_outage: 1,
    });
    expect(feed.components.find((c) => c.name === 'Packages')?.status).toBe('partial_outage');
    expect(feed.events).toHaveLength(1);
    const [incident] = feed.events;
    expect(incident).toMatchObject({
      upstreamId: 'ljwdk6qml8z8',
      kind: 'incident',
      title: 'Incident with Packages and Pages',
      status: 'investigating',
      // The page indicator says minor; the incident's own impact is kept.
      impact: 'major',
      components: ['Packages', 'Pages'],
      startedAt: Date.parse('2022-11-25T14:39:09.542Z'),
      updatedAt: Date.parse('2022-11-25T15:50:04.970Z'),
      resolvedAt: null,
      url: 'https://stspg.io/33vh8r7z43kh',
    });
    expect(incident!.updates).toHaveLength(7);
    // Oldest first although the feed lists them newest first.
    expect(incident!.updates.map((u) => u.at)).toEqual(
      [...incident!.updates.map((u) => u.at)].sort((a, b) => a - b),
    );
    expect(incident!.updates.at(-1)!.body).toBe(
      'Packages is now experiencing degraded performance. We are still investigating and will provide an update when we have one.',
    );
    // The newest update repeats Pages operational→operational and Packages major_outage→major_outage: no transition.
    expect(incident!.updates.at(-1)!.componentChanges).toBeUndefined();
  });

  it('twilio: times keep their -07:00 offset, groups name their children, maintenances have windows', () => {
    const feed = parse('twilio-summary-2020-06-16-active.json');
    // 73 components, of which 8 are groups: the 65 children carry the states.
    expect(feed.components).toHaveLength(65);
    expect(countStatuses(feed.components.map((c) => c.status))).toEqual({
      // The two degraded groups (PROGRAMMABLE MESSAGING, CARRIER NETWORK) are headings, not components.
      operational: 61,
      degraded_performance: 4,
    });
    expect(feed.components.find((c) => c.name === 'SMS, Middle East & Africa')?.group).toBe(
      'CARRIER NETWORK',
    );
    const incidents = feed.events.filter((e) => e.kind === 'incident');
    const maintenances = feed.events.filter((e) => e.kind === 'maintenance');
    expect(incidents.map((e) => [e.upstreamId, e.status, e.impact])).toEqual([
      ['4dtnnnnxnhn9', 'investigating', 'minor'],
      ['r0f0vdz8vrgm', 'monitoring', 'minor'],
    ]);
    // 2020-06-16T13:27:41.521-07:00 is 20:27:41.521Z, not 13:27Z.
    expect(incidents[0]!.startedAt).toBe(Date.UTC(2020, 5, 16, 20, 27, 41, 521));
    expect(incidents[0]!.updates.at(-1)!.componentChanges).toEqual([
      { name: 'SMS, Middle East & Africa', from: 'operational', to: 'degraded_performance' },
    ]);
    expect(maintenances).toHaveLength(9);
    expect(maintenances.every((m) => m.status === 'scheduled' && m.impact === 'maintenance')).toBe(true);
    expect(maintenances[0]!.scheduled).toEqual({
      from: Date.UTC(2020, 5, 16, 23, 0, 0),
      until: Date.UTC(2020, 5, 17, 3, 0, 0),
    });
  });

  it('cloudamqp: an in-progress maintenance and its component under maintenance', () => {
    const feed = parse('cloudamqp-summary-2020-07-16-maintenance.json');
    expect(countStatuses(feed.components.map((c) => c.status))).toEqual({
      operational: 22,
      under_maintenance: 1,
    });
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
      impact: 'maintenance',
      title: 'Upgrade of shared servers “jellyfish”, “wildboar”, and “reindeer”',
      components: ['Shared servers'],
      resolvedAt: null,
    });
    expect(feed.events[0]!.updates.map((u) => u.status)).toEqual(['scheduled', 'in_progress']);
    expect(feed.events[0]!.updates[1]!.componentChanges).toEqual([
      { name: 'Shared servers', from: 'operational', to: 'under_maintenance' },
    ]);
  });

  it('claude: monitoring after investigating and identified; reminder_intervals "[]" ignored', () => {
    const feed = parse('claude-summary-2026-10-07-active-monitoring.json');
    expect(feed.events).toHaveLength(1);
    const [incident] = feed.events;
    expect(incident).toMatchObject({ status: 'monitoring', impact: 'major', resolvedAt: null });
    expect(incident!.startedAt).toBe(Date.parse('2026-10-07T13:25:04.155Z'));
    expect(incident!.updates.map((u) => u.status)).toEqual([
      'investigating',
      'investigating',
      'identified',
      'monitoring',
    ]);
    expect(incident!.updates.at(-1)!.componentChanges).toEqual([
      { name: 'Claude Console (platform.claude.com)', from: 'partial_outage', to: 'degraded_performance' },
    ]);
  });

  it('incident.io page (openai): fewer fields, still two open incidents with a page link', () => {
    const feed = parse('openai-summary-2026-09-29-active-incidentio.json');
    expect(feed.events.map((e) => [e.upstreamId, e.status, e.impact])).toEqual([
      ['01M3Q4RK1SM4EMK445GGPG7C0N', 'investigating', 'minor'],
      ['01M3Q4HMNP8SZ27DTZKW6F5BJ4', 'investigating', 'none'],
    ]);
    // No started_at: the creation time; no shortlink: the page URL.
    expect(feed.events[0]!.startedAt).toBe(Date.parse('2026-09-29T17:52:52Z'));
    expect(feed.events[0]!.url).toBe('https://status.openai.com/incidents/01M3Q4RK1SM4EMK445GGPG7C0N');
    expect(feed.events[0]!.components).toEqual([]);
    expect(countStatuses(feed.components.map((c) => c.status))).toEqual({
      degraded_performance: 22,
      operational: 3,
    });
  });
});

describe('statuspage lists', () => {
  it('scheduled-maintenances.json: two completed maintenances, closed at resolved_at, a history feed', () => {
    const feed = parse(
      'claude-scheduled-maintenances-2026-09-15.json',
      'https://status.claude.com/api/v2/scheduled-maintenances.json',
    );
    expect(feed.currentOnly).toBe(false);
    expect(feed.events.map((e) => [e.upstreamId, e.kind, e.status, e.resolvedAt])).toEqual([
      ['x017628t2rl5', 'maintenance', 'completed', Date.parse('2025-08-29T02:40:21.277Z')],
      ['16z0qdmy3qv2', 'maintenance', 'completed', Date.parse('2024-12-15T01:26:47.953Z')],
    ]);
    expect(feed.events[0]!.updates.map((u) => u.status)).toEqual([
      'scheduled',
      'in_progress',
      'verifying',
      'completed',
    ]);
  });

  it('components.json: component states, no events, never read as "everything resolved"', () => {
    const feed = parse(
      'claude-components-2026-09-03.json',
      'https://status.claude.com/api/v2/components.json',
    );
    expect(feed.events).toEqual([]);
    expect(feed.currentOnly).toBe(false);
    expect(feed.components.map((c) => c.status)).toEqual(Array(6).fill('operational'));
  });

  it('reads the endpoint from the URL: unresolved.json is current-only, incidents.json is history', () => {
    const body = fixture('statuspage/github-summary-2022-11-25-active-incident.json');
    const at = (path: string) =>
      parseFeed('statuspage', body, { now: NOW, url: `https://www.githubstatus.com/api/v2/${path}` })
        .currentOnly;
    expect(at('incidents/unresolved.json')).toBe(true);
    expect(at('incidents.json')).toBe(false);
    expect(at('summary.json')).toBe(true);
  });
});
