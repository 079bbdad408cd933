import { describe, expect, it } from 'vitest';
import { parseFeed } from './index.ts';
import { fixture, NOW } from './testing/fixtures.ts';

const parse = (path: string) => parseFeed('gcp', fixture(`gcp/${path}`), { now: NOW });
const count = (values: string[]) =>
  values.reduce<Record<string, number>>((acc, v) => {
    acc[v] = (acc[v] ?? 0) + 1;
    return acc;
  }, {});

describe('gcp incidents.json', () => {
  it('the full 2022 feed: 157 incidents, all closed, impact from severity', () => {
    const feed = parse('incidents-2022-07-01-full.json');
    expect(feed.currentOnly).toBe(false);
    expect(feed.events).toHaveLength(157);
    expect(feed.events.filter((e) => e.resolvedAt === null)).toEqual([]);
    expect(count(feed.events.map((e) => e.impact))).toEqual({ minor: 19, major: 118, critical: 20 });
    const first = feed.events[0]!;
    expect(first).toMatchObject({
      upstreamId: 'TaA75H7XA1DQyM2ReK2f',
      title: '[Google BigQuery] Lower throughput from the Read API',
      status: 'resolved',
      impact: 'minor',
      components: ['Google BigQuery'],
      startedAt: Date.parse('2022-07-01T13:37:44+00:00'),
      resolvedAt: Date.parse('2022-07-01T19:25:45+00:00'),
      url: 'https://status.cloud.google.com/incidents/TaA75H7XA1DQyM2ReK2f',
    });
    expect(first.regions).toHaveLength(29);
    expect(first.regions).toContain('europe-west2');
    // Closed by `end` even when the last update still says SERVICE_DISRUPTION.
    expect(feed.events.every((e) => e.status === 'resolved')).toBe(true);
    // A several-product incident is one event listing its products.
    expect(feed.events[1]!.components).toEqual(['Google Cloud Composer', 'Google Cloud SQL']);
  });

  it('the 2021 feed predates locations: 139 closed incidents without regions', () => {
    const feed = parse('incidents-2021-07-28-full.json');
    expect(feed.events).toHaveLength(139);
    expect(count(feed.events.map((e) => e.impact))).toEqual({ major: 129, critical: 10 });
    expect(feed.events.filter((e) => e.regions.length > 0)).toEqual([]);
    expect(feed.events.filter((e) => e.resolvedAt === null)).toEqual([]);
  });

  it('an incident without `end` is open', () => {
    const feed = parse('incidents-2021-07-30-active-multizone.json');
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({
      upstreamId: 'ZJoBx7kocBokFxS1ZN5p',
      status: 'investigating',
      impact: 'major',
      components: ['Google Cloud Dataproc'],
      startedAt: Date.UTC(2021, 6, 30, 15, 17),
      updatedAt: Date.UTC(2021, 6, 30, 17, 12, 20),
      resolvedAt: null,
    });
    expect(feed.events[0]!.updates).toHaveLength(5);
  });

  it('two open incidents, one low severity, located in europe-west2', () => {
    const feed = parse('incidents-2022-07-19-active-low-severity.json');
    expect(feed.events.map((e) => [e.upstreamId, e.status, e.impact, e.regions])).toEqual([
      ['XVq5om2XEDSqLtJZUvcH', 'investigating', 'minor', ['europe-west2']],
      ['fmEL9i2fArADKawkZAa2', 'investigating', 'major', ['europe-west2']],
    ]);
    expect(feed.events[1]!.components).toHaveLength(23);
    expect(feed.events[1]!.startedAt).toBe(Date.UTC(2022, 6, 19, 16, 15, 45));
  });
});
