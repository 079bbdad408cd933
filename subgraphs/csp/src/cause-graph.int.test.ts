import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from './testing/feed-server.ts';
import { type CspHarness, startCsp } from './testing/harness.ts';
import { REFRESH, REGISTER } from './testing/operations.ts';

/** The cause-and-effect graph as GraphQL serves it, from two providers' real-shaped feeds. */
let feeds: FeedServer;
let csp: CspHarness;
const now = Date.parse('2026-11-27T12:00:00Z');
const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

beforeAll(async () => {
  feeds = await startFeedServer();
  csp = await startCsp({ service: { clock: () => now } });
});
afterAll(async () => {
  await csp?.close();
  await feeds?.close();
});

const awsEvent = {
  date: String(Math.floor((now - 60 * 60_000) / 1000)),
  arn: 'arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/X1',
  region_name: 'N. Virginia',
  status: '3',
  service: 'ec2-us-east-1',
  service_name: 'Amazon Elastic Compute Cloud',
  summary: 'Increased API error rates',
  event_log: [
    {
      summary: 'errors',
      message: 'Investigating.',
      status: 1,
      timestamp: Math.floor((now - 60 * 60_000) / 1000),
    },
  ],
  impacted_services: {
    'ec2-us-east-1': { service_name: 'Amazon Elastic Compute Cloud', current: '3', max: '3' },
  },
};

const saasSummary = {
  page: { id: 'p', name: 'SaaS', url: 'https://status.saas.test', time_zone: 'Etc/UTC', updated_at: iso(0) },
  status: { indicator: 'major', description: 'Major Service Outage' },
  components: [],
  incidents: [
    {
      id: 'saas-1',
      name: 'Logins failing',
      status: 'investigating',
      impact: 'major',
      created_at: iso(45),
      updated_at: iso(40),
      started_at: iso(45),
      resolved_at: null,
      shortlink: 'https://stspg.io/x',
      components: [],
      incident_updates: [
        {
          id: 'u1',
          status: 'investigating',
          body: 'Looking into it.',
          created_at: iso(45),
          display_at: iso(45),
        },
      ],
    },
  ],
  scheduled_maintenances: [],
};

describe('the cause-and-effect graph', () => {
  it('draws providers as nodes, the declared edge, and the inferred one with its evidence', async () => {
    feeds.set('/aws/public/currentevents', { body: JSON.stringify([awsEvent]) });
    feeds.set('/saas/api/v2/summary.json', { body: JSON.stringify(saasSummary) });
    for (const input of [
      { name: 'aws-g', feedUrl: `${feeds.url}/aws/public/currentevents`, type: 'AWS' },
      { name: 'saas', feedUrl: `${feeds.url}/saas/api/v2/summary.json`, type: 'JSON', dependsOn: ['aws-g'] },
    ]) {
      expect((await csp.gql(REGISTER, { input })).errors).toBeUndefined();
      expect(
        (await csp.gql<{ refreshProvider: { created: number } }>(REFRESH, { id: input.name })).data!
          .refreshProvider.created,
      ).toBe(1);
    }
    const res = await csp.gql<{ cspCauseGraph: { nodes: unknown[]; edges: unknown[] } }>(
      /* GraphQL */ `{ cspCauseGraph(windowHours: 24) {
        nodes { id provider { name } events { title } }
        edges { fromId toId kind confidence from { id } to { id }
          evidence { cause { title } effect { title } overlapSeconds sharedRegions sharedComponents declaredDependency confidence } }
      } }`,
      {},
      { role: 'viewer' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.cspCauseGraph.nodes).toEqual([
      { id: 'aws-g', provider: { name: 'aws-g' }, events: [{ title: 'Increased API error rates' }] },
      { id: 'saas', provider: { name: 'saas' }, events: [{ title: 'Logins failing' }] },
    ]);
    expect(res.data!.cspCauseGraph.edges).toEqual([
      {
        fromId: 'aws-g',
        toId: 'saas',
        kind: 'DECLARED',
        confidence: 1,
        from: { id: 'aws-g' },
        to: { id: 'saas' },
        evidence: [],
      },
      {
        fromId: 'aws-g',
        toId: 'saas',
        kind: 'INFERRED',
        confidence: 0.6,
        from: { id: 'aws-g' },
        to: { id: 'saas' },
        evidence: [
          {
            cause: { title: 'Increased API error rates' },
            effect: { title: 'Logins failing' },
            overlapSeconds: 45 * 60,
            sharedRegions: [],
            sharedComponents: [],
            declaredDependency: true,
            confidence: 0.6,
          },
        ],
      },
    ]);
  });
});
