import { describe, expect, it } from 'vitest';
import { buildCauseGraph, scorePair } from './cause-graph.ts';
import type { CspEvent } from './csp-event.ts';

const H = 3_600_000;
const event = (
  id: string,
  providerId: string,
  start: number,
  end: number | null,
  more: Partial<CspEvent> = {},
): CspEvent => ({
  id,
  providerId,
  upstreamId: id,
  kind: 'incident',
  title: id,
  status: end === null ? 'investigating' : 'resolved',
  impact: 'major',
  components: [],
  regions: [],
  startedAt: start,
  updatedAt: end ?? start,
  resolvedAt: end,
  url: null,
  updates: [],
  firstSeenAt: start,
  incidentId: null,
  ...more,
});

describe('the cause-and-effect graph', () => {
  const providers = [
    { id: 'aws', dependsOn: [] },
    { id: 'slack', dependsOn: ['aws'] },
    { id: 'gcp', dependsOn: [] },
  ];

  it('keeps declared edges and infers one from overlapping events sharing a region, with its evidence', () => {
    const events = [
      event('aws-1', 'aws', 0, 3 * H, { regions: ['us-east-1'], components: ['EC2'] }),
      event('slack-1', 'slack', 0.25 * H, 2 * H, { regions: ['US-East-1'] }),
      event('gcp-1', 'gcp', 5 * H, 6 * H, { regions: ['us-east-1'] }),
    ];
    const graph = buildCauseGraph(providers, events, 10 * H);
    expect(graph.nodes.map((n) => [n.providerId, n.eventIds])).toEqual([
      ['aws', ['aws-1']],
      ['slack', ['slack-1']],
      ['gcp', ['gcp-1']],
    ]);
    expect(graph.edges).toEqual([
      { from: 'aws', to: 'slack', kind: 'declared', confidence: 1, evidence: [] },
      {
        from: 'aws',
        to: 'slack',
        kind: 'inferred',
        confidence: 0.75,
        evidence: [
          {
            causeEventId: 'aws-1',
            effectEventId: 'slack-1',
            overlapMs: 1.75 * H,
            sharedRegions: ['us-east-1'],
            sharedComponents: [],
            declared: true,
            confidence: 0.75,
          },
        ],
      },
    ]);
  });

  it('infers nothing from events that never overlapped, or overlapped sharing nothing without a declared edge', () => {
    expect(scorePair(event('a', 'aws', 0, H), event('b', 'gcp', 2 * H, 3 * H, {}), false, 10 * H)).toBeNull();
    expect(scorePair(event('a', 'aws', 0, 2 * H), event('b', 'gcp', H, 3 * H), false, 10 * H)).toBeNull();
  });

  it('counts an open event as open until now, and scores shared components', () => {
    const e = scorePair(
      event('a', 'gcp', 0, null, { components: ['Cloud DNS', 'GKE'] }),
      event('b', 'gitlab', 2 * H, null, { components: ['gke', 'cloud dns'] }),
      false,
      4 * H,
    );
    expect(e).toMatchObject({ overlapMs: 2 * H, sharedComponents: ['cloud dns', 'gke'], confidence: 0.6 });
  });
});
