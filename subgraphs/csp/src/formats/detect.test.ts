import { describe, expect, it } from 'vitest';
import { detectFormat } from './index.ts';
import { allFixtures, fixture } from './testing/fixtures.ts';
import type { FeedFormat } from './types.ts';

/** Every capture and the format it is. A new capture must be added here (the first test fails otherwise). */
const EXPECTED: Record<string, FeedFormat> = {
  'aws/health-currentevents-2026-09-03.json': 'aws',
  'aws/rss-ec2-ap-northeast-1-2019-09-07.rss': 'aws',
  'aws/status-data-json-2022-07-legacy.json': 'aws',
  'docker/statusio-status-2020-07-16-partial-disruption.json': 'statusio',
  'gcp/incidents-2021-07-28-full.json': 'gcp',
  'gcp/incidents-2021-07-30-active-multizone.json': 'gcp',
  'gcp/incidents-2022-07-01-full.json': 'gcp',
  'gcp/incidents-2022-07-19-active-low-severity.json': 'gcp',
  'gitlab/statusio-status-2020-02-09-security-issue.json': 'statusio',
  'gitlab/statusio-status-2020-09-05-maintenance.json': 'statusio',
  'gitlab/statusio-status-2023-06-29.json': 'statusio',
  'slack/current-2020-07-30-active.json': 'slack',
  'statuspage/claude-components-2026-09-03.json': 'statuspage',
  'statuspage/claude-scheduled-maintenances-2026-09-15.json': 'statuspage',
  'statuspage/claude-summary-2026-10-07-active-monitoring.json': 'statuspage',
  'statuspage/cloudamqp-summary-2020-07-16-maintenance.json': 'statuspage',
  'statuspage/github-history-2022-07-01-maintenance.atom': 'atom',
  'statuspage/github-history-2026-07-09-active.atom': 'atom',
  'statuspage/github-history-2026-07-10-resolved.atom': 'atom',
  'statuspage/github-history-2026-08-22.atom': 'atom',
  'statuspage/github-summary-2022-11-25-active-incident.json': 'statuspage',
  'statuspage/openai-summary-2026-09-29-active-incidentio.json': 'statuspage',
  'statuspage/twilio-summary-2020-06-16-active.json': 'statuspage',
};

describe('detectFormat', () => {
  it('the table covers every capture', () => {
    expect(allFixtures()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is %s', (path, format) => {
    expect(detectFormat(fixture(path))).toBe(format);
  });

  it('AWS current events served as UTF-16 with a BOM', () => {
    const utf8 = fixture('aws/health-currentevents-2026-09-03.json').toString('utf8');
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]))).toBe(
      'aws',
    );
  });

  it.each([
    ['HTML', '<!DOCTYPE html><html><body>Access denied</body></html>'],
    ['garbage', '\u0000\u0001garbage'],
    ['empty', ''],
    ['unknown JSON', '{"hello":"world"}'],
    ['an empty array (ambiguous)', '[]'],
    ['truncated JSON', '{"page":{"id":"x"'],
  ])('%s is no format', (_label, body) => {
    expect(detectFormat(body)).toBeNull();
  });
});
