import { describe, expect, it } from 'vitest';
import { parseFeed } from './index.ts';
import { fixture, NOW } from './testing/fixtures.ts';

describe('slack current', () => {
  it('two active incidents, Pacific offsets, escaped slashes, int ids', () => {
    const feed = parseFeed('slack', fixture('slack/current-2020-07-30-active.json'), { now: NOW });
    expect(feed.currentOnly).toBe(true);
    expect(feed.events.map((e) => [e.upstreamId, e.status, e.impact, e.components])).toEqual([
      ['878', 'investigating', 'major', ['Notifications']],
      ['879', 'investigating', 'major', ['Apps/Integrations/APIs']],
    ]);
    expect(feed.events[0]).toMatchObject({
      title: 'We are investigating an issue with notification settings',
      // 15:12:34-07:00
      startedAt: Date.UTC(2020, 6, 30, 22, 12, 34),
      url: 'https://status.slack.com/2020-07/ea58a170d343b2ad',
      resolvedAt: null,
    });
    expect(feed.events[1]!.updates).toHaveLength(1);
  });

  it('an "ok" reply has no events', () => {
    const ok = '{"status":"ok","date_created":"2020-07-30T15:12:34-07:00","active_incidents":[]}';
    expect(parseFeed('slack', ok, { now: NOW }).events).toEqual([]);
  });
});
