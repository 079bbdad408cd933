import { describe, expect, it } from 'vitest';
import { parseFeed } from './index.ts';
import { fixture, NOW } from './testing/fixtures.ts';

const parse = (path: string) => parseFeed('atom', fixture(`statuspage/${path}`), { now: NOW });

describe('Statuspage history.atom', () => {
  it('2026-07-09: 25 entries, one open (latest label "Update" keeps Investigating), ids from the JSON link', () => {
    const feed = parse('github-history-2026-07-09-active.atom');
    expect(feed.format).toBe('atom');
    expect(feed.currentOnly).toBe(false);
    expect(feed.events).toHaveLength(25);
    const open = feed.events.filter((e) => e.resolvedAt === null);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      upstreamId: 'cstx3v63mklm',
      title: 'Delays starting Actions runs',
      status: 'investigating',
      impact: 'none',
      url: 'https://www.githubstatus.com/incidents/cstx3v63mklm',
      // The start is the oldest update stamp ("Jul 9, 04:34 UTC"), not <published> (06:01Z).
      startedAt: Date.UTC(2026, 6, 9, 4, 34),
      updatedAt: Date.UTC(2026, 6, 9, 6, 1, 43),
    });
    expect(open[0]!.updates).toEqual([
      {
        at: Date.UTC(2026, 6, 9, 4, 34),
        status: 'investigating',
        body: 'We are investigating reports of degraded performance for Actions',
      },
      expect.objectContaining({ at: Date.UTC(2026, 6, 9, 4, 51), status: 'investigating' }),
      {
        at: Date.UTC(2026, 6, 9, 6, 1),
        status: 'investigating',
        body: 'We are continuing to work on a mitigation.',
      },
    ]);
    expect(feed.events.filter((e) => e.status === 'resolved')).toHaveLength(24);
  });

  it('2026-07-10: the same entry is resolved at its Resolved stamp; <br /> become line breaks', () => {
    const feed = parse('github-history-2026-07-10-resolved.atom');
    expect(feed.events.filter((e) => e.resolvedAt === null)).toEqual([]);
    const entry = feed.events.find((e) => e.upstreamId === 'cstx3v63mklm')!;
    expect(entry.status).toBe('resolved');
    expect(entry.resolvedAt).toBe(Date.UTC(2026, 6, 9, 13, 52));
    expect(entry.startedAt).toBe(Date.UTC(2026, 6, 9, 4, 34));
    expect(entry.updates).toHaveLength(14);
    expect(entry.updates.map((u) => u.status).slice(-3)).toEqual(['monitoring', 'monitoring', 'resolved']);
    expect(entry.updates.find((u) => u.at === Date.UTC(2026, 6, 9, 13, 41))!.body).toBe(
      'Actions, Pages builds, Copilot Cloud Agent, and Copilot Code review have all recovered and are mitigated.\n' +
        'We are continuing to monitor to ensure full recovery, and investigating the health of the affected infrastructure.',
    );
  });

  it('2022-07-01: a completed maintenance (Scheduled, In progress, Update, Completed)', () => {
    const feed = parse('github-history-2022-07-01-maintenance.atom');
    expect(feed.events).toHaveLength(25);
    const maintenances = feed.events.filter((e) => e.kind === 'maintenance');
    expect(maintenances.map((m) => [m.upstreamId, m.status, m.impact])).toEqual([
      ['33gh4sqgw547', 'completed', 'maintenance'],
      ['rw3k5dz04rqj', 'completed', 'maintenance'],
    ]);
    expect(maintenances[0]!.updates.map((u) => u.status)).toEqual([
      'scheduled',
      'in_progress',
      'in_progress',
      'completed',
    ]);
    expect(maintenances[0]!.startedAt).toBe(Date.UTC(2022, 5, 29, 16, 24));
    expect(maintenances[0]!.resolvedAt).toBe(Date.UTC(2022, 5, 29, 19, 56));
    expect(feed.events.filter((e) => e.resolvedAt === null)).toEqual([]);
  });

  it('2026-08-22: every entry closed, updates with monitoring in between', () => {
    const feed = parse('github-history-2026-08-22.atom');
    expect(feed.events).toHaveLength(25);
    expect(feed.events.every((e) => e.status === 'resolved' && e.resolvedAt !== null)).toBe(true);
    expect(feed.events[0]).toMatchObject({
      upstreamId: 'bhbcjn4n3jzp',
      startedAt: Date.UTC(2026, 7, 20, 14, 43),
      resolvedAt: Date.UTC(2026, 7, 21, 0, 37),
    });
  });

  it('is accepted under the reference type rss (rss means RSS or Atom)', () => {
    const feed = parseFeed('rss', fixture('statuspage/github-history-2026-07-09-active.atom'), { now: NOW });
    expect(feed.format).toBe('atom');
    expect(feed.events).toHaveLength(25);
  });
});
