import { describe, expect, it } from 'vitest';
import { FeedError, type FeedFormat, parseFeed } from './index.ts';
import { NOW } from './testing/fixtures.ts';

const BODY_FORMATS: FeedFormat[] = ['statuspage', 'gcp', 'aws', 'statusio', 'slack', 'rss', 'atom'];

function failure(format: FeedFormat, body: Buffer | string): FeedError {
  try {
    parseFeed(format, body, { now: NOW });
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error(`${format} accepted the body`);
}

describe('bad bodies give a FeedError, never another error', () => {
  it.each(BODY_FORMATS)('%s: HTML, empty, garbage', (format) => {
    expect(failure(format, '<!DOCTYPE html>\n<html><head><title>503</title></head></html>').code).toBe(
      'html',
    );
    expect(failure(format, '').code).toBe('empty');
    expect(failure(format, '   \n').code).toBe('empty');
    expect(['invalid_json', 'invalid_xml']).toContain(failure(format, 'not a feed at all').code);
  });

  it.each(BODY_FORMATS)('%s: a document of another shape', (format) => {
    const json = format === 'rss' || format === 'atom' ? '<note><to>x</to></note>' : '{"hello":[1,2,3]}';
    expect(failure(format, json).code).toBe('unexpected_shape');
  });

  it('JSON of the right shape with wrong field types does not throw', () => {
    const weird = JSON.stringify({
      page: { id: 1, url: 42 },
      components: [null, 3, { name: { x: 1 }, status: [] }],
      incidents: [{ id: 'a', name: null, status: 7, created_at: 'yesterday', incident_updates: 'none' }, 'x'],
    });
    const feed = parseFeed('statuspage', weird, { now: NOW });
    // The incident has no readable time at all: skipped rather than dated by guess.
    expect(feed.events).toEqual([]);
    const gcp = parseFeed(
      'gcp',
      '[{"id":"x","external_desc":5,"begin":"2021-07-30T15:17:00+00:00","updates":{}}]',
      {
        now: NOW,
      },
    );
    // A number where a string belongs is read as its text; an object where a list belongs as an empty list.
    expect(gcp.events[0]).toMatchObject({
      upstreamId: 'x',
      title: '5',
      status: 'investigating',
      updates: [],
    });
  });

  it('times without an offset are refused, not read as UTC', () => {
    const body = JSON.stringify([
      { id: 'x', external_desc: 't', begin: '2021-07-30T15:17:00', affected_products: [] },
    ]);
    expect(parseFeed('gcp', body, { now: NOW }).events).toEqual([]);
  });

  it('deeply nested JSON', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(['unexpected_shape', 'too_deep']).toContain(failure('gcp', deep).code);
    expect(['unexpected_shape', 'too_deep']).toContain(failure('statuspage', `{"page":${deep}}`).code);
  });

  it('deeply nested XML', () => {
    const deep = `<rss><channel>${'<a>'.repeat(5_000)}${'</a>'.repeat(5_000)}</channel></rss>`;
    expect(failure('rss', deep).code).toBe('too_deep');
  });

  it('an entity expansion bomb is refused before parsing', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><title>&lol3;</title></item></channel></rss>`;
    const err = failure('rss', bomb);
    expect(err.code).toBe('invalid_xml');
    expect(err.message).toMatch(/entities/);
  });

  it('malformed XML', () => {
    expect(failure('atom', '<feed><entry><title>x</entry>').code).toBe('invalid_xml');
  });

  it('a huge body of the right format still parses (the size cap is the caller’s)', () => {
    const item = (n: number) =>
      `<item><title>Item ${n}</title><guid>g${n}</guid><pubDate>Fri, 23 Aug 2019 04:18:35 +0200</pubDate><description>&lt;p&gt;x&lt;/p&gt;</description></item>`;
    const body = `<rss version="2.0"><channel><title>T</title>${Array.from({ length: 20_000 }, (_, n) => item(n)).join('')}</channel></rss>`;
    const feed = parseFeed('rss', body, { now: NOW });
    expect(feed.events).toHaveLength(20_000);
    expect(feed.events[0]!.startedAt).toBe(Date.UTC(2019, 7, 23, 2, 18, 35));
  });

  it('http is not a body format', () => {
    expect(failure('http', 'anything').code).toBe('unknown_format');
  });
});
