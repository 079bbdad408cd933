import { describe, expect, it } from 'vitest';
import { parseFeed } from './index.ts';
import { fixture, NOW } from './testing/fixtures.ts';

const parse = (path: string, body: Buffer | string = fixture(`aws/${path}`), contentType?: string) =>
  parseFeed('aws', body, { now: NOW, ...(contentType ? { contentType } : {}) });

describe('aws health current events', () => {
  it('three events: one resolved with end_time, two open disruptions', () => {
    const feed = parse('health-currentevents-2026-09-03.json');
    expect(feed.currentOnly).toBe(true);
    expect(feed.events.map((e) => [e.status, e.impact, e.regions[0]])).toEqual([
      ['resolved', 'minor', 'us-west-2'],
      ['investigating', 'critical', 'me-central-1'],
      ['investigating', 'critical', 'me-south-1'],
    ]);
    expect(feed.events[0]).toMatchObject({
      upstreamId:
        'arn:aws:health:us-west-2::event/MULTIPLE_SERVICES/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE_926DB_F0036494EA4',
      title: 'Increased API Error Rates',
      components: ['AWS Security Token Service', 'AWS Sign-In'],
      startedAt: 1788472198_000,
      resolvedAt: 1788480474_000,
    });
    expect(feed.events[1]!.components).toEqual([
      'AWS Sign-In',
      'AWS Security Token Service',
      'Amazon Bedrock',
    ]);
    expect(feed.components).toContainEqual({
      name: 'Amazon Bedrock',
      status: 'major_outage',
      group: 'me-south-1',
    });
    expect(feed.components).toContainEqual({
      name: 'AWS Sign-In',
      status: 'operational',
      group: 'us-west-2',
    });
  });

  it('reads the UTF-16 the live endpoint serves, with or without a BOM', () => {
    const utf8 = fixture('aws/health-currentevents-2026-09-03.json');
    const expected = parse('', utf8).events;
    const utf16 = Buffer.from(utf8.toString('utf8'), 'utf16le');
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]);
    expect(parse('', bom).events).toEqual(expected);
    expect(parse('', utf16).events).toEqual(expected);
    expect(parse('', utf16, 'application/json; charset=UTF-16').events).toEqual(expected);
  });
});

describe('aws legacy data.json', () => {
  it('86 archived events, all resolved, updates dated from clock stamps in PDT/PST', () => {
    const feed = parse('status-data-json-2022-07-legacy.json');
    expect(feed.events).toHaveLength(86);
    expect(feed.events.filter((e) => e.resolvedAt === null)).toEqual([]);
    const impacts = feed.events.map((e) => e.impact);
    expect([
      impacts.filter((i) => i === 'minor').length,
      impacts.filter((i) => i === 'major').length,
    ]).toEqual([72, 11]);
    expect(impacts.filter((i) => i === 'critical')).toHaveLength(3);
    const cert = feed.events.find((e) => e.upstreamId === 'certificatemanager-us-east-1_1624993969')!;
    expect(cert).toMatchObject({ title: 'Increased API Error Rates and Latency', regions: ['us-east-1'] });
    expect(cert.updates).toHaveLength(10);
    // "12:12 PM PDT" on 2021-06-29 is 19:12Z; the last, "7:46 PM PDT", is 02:46Z the next day.
    expect(cert.updates[0]!.at).toBe(Date.UTC(2021, 5, 29, 19, 12));
    expect(cert.resolvedAt).toBe(Date.UTC(2021, 5, 30, 2, 46));
    expect(feed.events.every((e) => e.resolvedAt! >= e.startedAt)).toBe(true);
  });
});

describe('aws per-service RSS', () => {
  it('15 update items grouped into 6 incidents, all closed; PDT read as -07:00', () => {
    const feed = parse('rss-ec2-ap-northeast-1-2019-09-07.rss');
    expect(feed.format).toBe('aws');
    expect(feed.events).toHaveLength(6);
    expect(feed.events.reduce((n, e) => n + e.updates.length, 0)).toBe(15);
    expect(feed.events.filter((e) => e.resolvedAt === null)).toEqual([]);
    const big = feed.events.find((e) => e.title === 'インスタンスの接続性について | Instance Availability')!;
    expect(big).toMatchObject({
      upstreamId: 'ec2-ap-northeast-1_1566533912',
      impact: 'major',
      components: ['Amazon Elastic Compute Cloud (Tokyo)'],
      regions: ['ap-northeast-1'],
      // "Thu, 22 Aug 2019 21:18:32 PDT": the guid's epoch suffix (1566533912) agrees.
      startedAt: 1566533912_000,
      resolvedAt: 1566559115_000,
    });
    expect(big.updates).toHaveLength(7);
    expect(feed.components).toEqual([
      { name: 'Amazon Elastic Compute Cloud (Tokyo)', status: 'operational' },
    ]);
  });

  it('every pubDate agrees with the epoch in its guid', () => {
    const feed = parse('rss-ec2-ap-northeast-1-2019-09-07.rss');
    const body = fixture('aws/rss-ec2-ap-northeast-1-2019-09-07.rss').toString('utf8');
    const epochs = [...body.matchAll(/_(\d{10})<\/guid>/g)].map((m) => Number(m[1]) * 1000).sort();
    const ats = feed.events.flatMap((e) => e.updates.map((u) => u.at)).sort();
    expect(ats).toEqual(epochs);
  });
});
