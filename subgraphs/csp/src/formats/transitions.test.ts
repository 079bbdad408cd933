import { describe, expect, it } from 'vitest';
import { diffEvents, parseFeed } from './index.ts';
import { fixture, NOW } from './testing/fixtures.ts';
import type { NormalizedEvent, ParsedFeed } from './types.ts';

const atom = (path: string) => parseFeed('atom', fixture(`statuspage/${path}`), { now: NOW });

describe('diffEvents', () => {
  it('GitHub Atom 2026-07-09 then 2026-07-10: the open incident is resolved upstream, history merged', () => {
    const before = atom('github-history-2026-07-09-active.atom');
    const after = atom('github-history-2026-07-10-resolved.atom');
    const diff = diffEvents(before.events, after);
    expect(diff.resolved.map((r) => [r.event.upstreamId, r.reason])).toEqual([['cstx3v63mklm', 'upstream']]);
    const [resolved] = diff.resolved;
    expect(resolved!.event.status).toBe('resolved');
    expect(resolved!.event.resolvedAt).toBe(Date.UTC(2026, 6, 9, 13, 52));
    expect(resolved!.changed).toEqual(expect.arrayContaining(['status', 'resolvedAt', 'updates']));
    // 3 updates known on the 9th, 14 on the 10th: 11 new ones, none duplicated.
    expect(resolved!.newUpdates).toHaveLength(11);
    expect(resolved!.event.updates).toHaveLength(14);
    // Between the two captures no other entry changed and none was added: nothing else is reported.
    expect(diff.created).toEqual([]);
    expect(diff.updated).toEqual([]);
  });

  it('the same feed twice reports nothing', () => {
    const feed = atom('github-history-2026-07-10-resolved.atom');
    expect(diffEvents(feed.events, feed)).toEqual({ created: [], updated: [], resolved: [] });
  });

  it('a status.io incident that disappears is resolved (and a finished maintenance completed)', () => {
    const before = parseFeed('statusio', fixture('gitlab/statusio-status-2020-09-05-maintenance.json'), {
      now: NOW,
    });
    const later = Date.parse('2023-06-29T15:30:00Z');
    const after = parseFeed('statusio', fixture('gitlab/statusio-status-2023-06-29.json'), { now: later });
    const diff = diffEvents(before.events, after);
    expect(
      diff.resolved.map((r) => [r.event.upstreamId, r.event.status, r.reason, r.event.resolvedAt]),
    ).toEqual([
      ['5f52b8074ef75804bc7d2c3e', 'resolved', 'disappeared', later],
      ['5f4e8b7f2250a004bc3453da', 'completed', 'disappeared', later],
    ]);
    expect(diff.created.map((e) => e.upstreamId)).toEqual(['649d8d7a6c2f36053b37055d']);
    expect(diff.updated).toEqual([]);
  });

  it('a history feed (GCP) does not resolve what left its window', () => {
    const open = parseFeed('gcp', fixture('gcp/incidents-2021-07-30-active-multizone.json'), { now: NOW });
    const other = parseFeed('gcp', fixture('gcp/incidents-2022-07-19-active-low-severity.json'), {
      now: NOW,
    });
    const diff = diffEvents(open.events, other);
    expect(diff.resolved).toEqual([]);
    expect(diff.created).toHaveLength(2);
  });

  it('a repeated status is no transition; a real status change and a new update are', () => {
    const base = parseFeed('slack', fixture('slack/current-2020-07-30-active.json'), { now: NOW });
    const event = base.events[0]!;
    const feed = (events: NormalizedEvent[]): ParsedFeed => ({ ...base, events });

    const sameStatusNewNote = {
      ...event,
      updatedAt: event.updatedAt + 60_000,
      updates: [
        ...event.updates,
        { at: event.updatedAt + 60_000, status: event.status, body: 'Still looking.' },
      ],
    };
    const diff = diffEvents([event, base.events[1]!], feed([sameStatusNewNote, base.events[1]!]));
    expect(diff.updated).toHaveLength(1);
    expect(diff.updated[0]!.changed).toEqual(['updatedAt', 'updates']);
    expect(diff.updated[0]!.changed).not.toContain('status');
    expect(diff.updated[0]!.newUpdates.map((u) => u.body)).toEqual(['Still looking.']);

    const identified = { ...event, status: 'identified' as const };
    expect(
      diffEvents([event, base.events[1]!], feed([identified, base.events[1]!])).updated[0]!.changed,
    ).toEqual(['status']);
  });

  it('keeps history the feed no longer lists', () => {
    const base = parseFeed('slack', fixture('slack/current-2020-07-30-active.json'), { now: NOW });
    const event = base.events[0]!;
    const older = { at: event.startedAt - 60_000, status: 'investigating' as const, body: 'first word' };
    const diff = diffEvents([{ ...event, updates: [older, ...event.updates] }], {
      ...base,
      events: [{ ...event, title: 'Renamed' }],
    });
    expect(diff.updated[0]!.event.updates.map((u) => u.body)).toEqual(['first word', event.updates[0]!.body]);
    expect(diff.updated[0]!.changed).toEqual(['title']);
  });
});
