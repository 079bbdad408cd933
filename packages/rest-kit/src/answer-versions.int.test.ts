import { answerVersion, createRedis, domainEventStream, type ReuseTerms } from '@polystatus/kit';
import { deletePrefix, TEST_INTERNAL_SECRET, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { StreamVersions } from './answer-versions.ts';

const redis = testRedis();
const prefix = uniquePrefix('answer-versions');
const DOMAINS = ['incidents', 'users'];
afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

/** A domain's change: its event appended (in the real domains, atomically with the change itself). */
const write = (domain: string) =>
  redis.xadd(domainEventStream(prefix, domain), '*', 'type', 'test', 'data', '{}') as Promise<string>;

/** The terms the gateway would send after reading the streams now (response-cache.ts `sendTerms`). */
async function gatewayTerms(until = Date.now() + 60_000, secret = TEST_INTERNAL_SECRET): Promise<ReuseTerms> {
  const ids = await Promise.all(
    DOMAINS.map(
      async (d) => (await redis.xrevrange(domainEventStream(prefix, d), '+', '-', 'COUNT', 1))[0]![0],
    ),
  );
  return { domains: DOMAINS, version: answerVersion(secret, DOMAINS, ids), until };
}

const versions = new StreamVersions({ redis, keyPrefix: prefix, secret: TEST_INTERNAL_SECRET });
const now = () => performance.now();

describe('StreamVersions (real Redis streams)', () => {
  it('says an answer stands until a write lands on any stream it names', async () => {
    await write('incidents');
    await write('users');
    const terms = await gatewayTerms();
    expect(await versions.stands(terms, now())).toBe(true);
    // A write elsewhere changes nothing this answer reads.
    await write('comms');
    expect(await versions.stands(terms, now())).toBe(true);
    await write('incidents');
    expect(await versions.stands(terms, now())).toBe(false);
    const confirmed = await gatewayTerms();
    expect(await versions.stands(confirmed, now())).toBe(true);
    // A revocation (any users event) sends the next request to the gateway.
    await write('users');
    expect(await versions.stands(confirmed, now())).toBe(false);
  });

  it('never answers a request from a read sent before it arrived', async () => {
    await write('incidents');
    const terms = await gatewayTerms();
    const early = performance.now();
    expect(await versions.stands(terms, early)).toBe(true);
    await write('incidents');
    // A request that arrived after the write: the earlier read (which still matches) must not serve it.
    expect(await versions.stands(terms, now())).toBe(false);
  });

  it('refuses terms past the credential’s time, or versioned with another secret', async () => {
    await write('incidents');
    expect(await versions.stands(await gatewayTerms(Date.now() - 1), now())).toBe(false);
    const forged = await gatewayTerms(Date.now() + 60_000, 'another-secret-0123456789abcdef0123456789');
    expect(await versions.stands(forged, now())).toBe(false);
    expect(await versions.stands({ ...(await gatewayTerms()), domains: ['Incidents;'] }, now())).toBe(false);
  });

  it('says no, quickly, when Redis cannot be read', async () => {
    const dead = createRedis({
      url: 'redis://127.0.0.1:1',
      name: 'answer-versions-dead',
      keyPrefix: prefix,
      commandTimeoutMs: 200,
    });
    try {
      const offline = new StreamVersions({
        redis: dead.client,
        keyPrefix: prefix,
        secret: TEST_INTERNAL_SECRET,
      });
      const started = Date.now();
      expect(await offline.stands(await gatewayTerms(), now())).toBe(false);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      dead.client.disconnect();
    }
  });
});
