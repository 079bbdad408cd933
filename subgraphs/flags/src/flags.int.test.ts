import { parseEvent } from '@polystatus/contracts';
import { envelopeFromFields } from '@polystatus/kit';
import {
  codeOf,
  deletePrefix,
  fieldsOf,
  ok,
  startPausableProxy,
  TEST_REDIS_URL,
  testRedis,
  uniquePrefix,
} from '@polystatus/kit/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagsKeys } from './keys.ts';
import type { IncidentTimeline } from './service/incident-timeline.ts';
import { type FlagsHarness, startFlags } from './testing/harness.ts';
import { AUDIT, EVALUATE, type FlagReply, GET, LIST, PUT, TOGGLE } from './testing/operations.ts';

const prefix = uniquePrefix('flags');
const keys = flagsKeys(prefix);
let redis: Redis;
let svc: FlagsHarness;
const mitigations: { incidentId: string; message: string }[] = [];
const recording: IncidentTimeline = {
  async addMitigation(incidentId, message) {
    mitigations.push({ incidentId, message });
    return `${mitigations.length}-0`;
  },
};
const responder = { role: 'responder' as const, id: 'sre-1' };
const viewer = { role: 'viewer' as const, id: 'v-1' };

beforeAll(async () => {
  redis = testRedis();
  svc = await startFlags({ prefix, service: { timeline: recording } });
});
afterAll(async () => {
  await svc?.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

type Put = { putFlag: { created: boolean; flag: FlagReply } };
const put = (input: object, as?: Parameters<FlagsHarness['gql']>[2], expectedVersion?: number) =>
  svc.gql<Put>(PUT, { input, expectedVersion }, as);

const ofrep = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${svc.url}/ofrep/v1/evaluate/flags${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('flag definitions over GraphQL', () => {
  it('creates, then updates, and says which', async () => {
    const created = ok(await put({ key: 'search-v2', on: true }));
    expect(created.putFlag).toMatchObject({ created: true, flag: { key: 'search-v2', version: 1 } });
    const updated = ok(await put({ key: 'search-v2', on: false, description: 'new search' }));
    expect(updated.putFlag).toMatchObject({ created: false, flag: { on: false, version: 2 } });
    const again = ok(await put({ key: 'search-v2', on: false, description: 'new search' }));
    expect(again.putFlag.flag.version).toBe(2);
  });

  it('refuses a definition serving an undeclared variation, naming the field', async () => {
    const reply = await put({
      key: 'theme',
      on: true,
      kind: 'MULTIVAR',
      variations: ['light', 'dark'],
      rules: [{ if: { attr: 'role', op: 'eq', value: 'admin' }, variation: 'blue' }],
      targets: [{ user: 'alice', variation: 'sepia' }],
    });
    expect(codeOf(reply)).toBe('VALIDATION');
    expect(fieldsOf(reply)).toEqual(['rules[0].variation', 'targets.users.alice']);
  });

  it('keeps definitions to admins and evaluation public', async () => {
    expect(codeOf(await put({ key: 'x', on: true }, responder))).toBe('FORBIDDEN');
    expect(codeOf(await svc.gql(LIST, {}, viewer))).toBe('FORBIDDEN');
    expect(codeOf(await svc.gql(LIST, {}, null))).toBe('UNAUTHENTICATED');
    const evaluated = await svc.gql(EVALUATE, { user: 'bob', role: 'viewer' }, null);
    expect(codeOf(evaluated)).toBe('OK');
  });

  it('evaluates every flag for a user and a role, as GET /flags needs', async () => {
    ok(
      await put({
        key: 'managers-beta',
        on: true,
        rules: [{ if: { attr: 'role', op: 'eq', value: 'manager' }, variation: 'on' }],
        fallthrough: { variation: 'off' },
      }),
    );
    type Evaluated = { evaluateFlags: { key: string; variation: string; off: boolean; reason: string }[] };
    const asManager = ok(await svc.gql<Evaluated>(EVALUATE, { user: 'alice', role: 'manager' }, null));
    const asViewer = ok(await svc.gql<Evaluated>(EVALUATE, { user: 'alice', role: 'viewer' }, null));
    const beta = (r: Evaluated) => r.evaluateFlags.find((f) => f.key === 'managers-beta');
    expect(beta(asManager)).toEqual({
      key: 'managers-beta',
      variation: 'on',
      off: false,
      reason: 'TARGETING_MATCH',
    });
    expect(beta(asViewer)).toMatchObject({ variation: 'off', reason: 'DEFAULT' });
    expect(asManager.evaluateFlags.find((f) => f.key === 'search-v2')).toMatchObject({
      off: true,
      reason: 'DISABLED',
    });
  });

  it('records every change in the audit with who, before and after, and emits flag.changed', async () => {
    ok(await put({ key: 'audited', on: true }));
    ok(await svc.gql(TOGGLE, { key: 'audited', on: false }));
    type Got = {
      flag: { audit: { nodes: { action: string; actorId: string; before: string | null; after: string }[] } };
    };
    const { flag } = ok(await svc.gql<Got>(GET, { key: 'audited' }));
    expect(flag.audit.nodes.map((n) => n.action)).toEqual(['CREATED', 'TOGGLED']);
    expect(flag.audit.nodes[0]).toMatchObject({ actorId: 'admin-1', before: null });
    expect(JSON.parse(flag.audit.nodes[1]!.before!)).toMatchObject({ on: true, id: 'audited' });
    expect(JSON.parse(flag.audit.nodes[1]!.after)).toMatchObject({ on: false, id: 'audited' });

    const events = (await redis.xrange(keys.events, '-', '+')).map(([, f]) =>
      parseEvent('flags', envelopeFromFields(f)),
    );
    const mine = events.filter((e) => e.subject === 'audited');
    expect(mine.map((e) => [e.data.action, e.data.on, e.data.version])).toEqual([
      ['created', true, 1],
      ['toggled', false, 2],
    ]);

    type Audit = {
      flagAudit: { nodes: { flagKey: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const page = ok(await svc.gql<Audit>(AUDIT, { first: 1 }));
    expect(page.flagAudit.pageInfo.hasNextPage).toBe(true);
    const next = ok(await svc.gql<Audit>(AUDIT, { first: 500, after: page.flagAudit.pageInfo.endCursor }));
    expect(next.flagAudit.nodes.length).toBeGreaterThan(1);
  });

  it('answers NOT_FOUND when toggling an unknown flag', async () => {
    expect(codeOf(await svc.gql(TOGGLE, { key: 'nope', on: false }))).toBe('NOT_FOUND');
  });
});

describe('kill switch', () => {
  type Toggle = {
    toggleFlag: {
      changed: boolean;
      timelineEntryId: string | null;
      timelineError: string | null;
      flag: { on: boolean };
    };
  };

  it('lets a responder turn a flag off from an incident, audited and on the timeline', async () => {
    ok(await put({ key: 'payments-retry', on: true }));
    expect(codeOf(await svc.gql(TOGGLE, { key: 'payments-retry', on: false }, responder))).toBe('FORBIDDEN');
    const reply = ok(
      await svc.gql<Toggle>(
        TOGGLE,
        { key: 'payments-retry', on: false, incidentId: 'INC-ABC123' },
        responder,
      ),
    );
    expect(reply.toggleFlag).toMatchObject({ changed: true, timelineError: null, flag: { on: false } });
    expect(reply.toggleFlag.timelineEntryId).not.toBeNull();
    expect(mitigations.at(-1)).toEqual({
      incidentId: 'INC-ABC123',
      message: expect.stringMatching(/payments-retry turned off by sre-1/),
    });
    const { flag } = ok(
      await svc.gql<{ flag: { audit: { nodes: { incidentId: string | null }[] } } }>(GET, {
        key: 'payments-retry',
      }),
    );
    expect(flag.audit.nodes.at(-1)?.incidentId).toBe('INC-ABC123');
  });

  it('still applies the toggle when the gateway is down, and reports the failed timeline write', async () => {
    // The default harness points GATEWAY_URL at a closed port: the real gateway client fails to connect.
    const down = await startFlags({ prefix });
    try {
      ok(await put({ key: 'search-cache', on: true }));
      const reply = ok(
        await down.gql<Toggle>(
          TOGGLE,
          { key: 'search-cache', on: false, incidentId: 'INC-ABC123' },
          responder,
        ),
      );
      expect(reply.toggleFlag).toMatchObject({ changed: true, timelineEntryId: null, flag: { on: false } });
      expect(reply.toggleFlag.timelineError).toMatch(/unreachable|did not answer/);
      const res = await fetch(`${down.url}/ofrep/v1/evaluate/flags/search-cache`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expect(await res.json()).toMatchObject({ value: false, reason: 'DISABLED' });
    } finally {
      await down.close();
    }
  });
});

describe('OFREP', () => {
  beforeAll(async () => {
    ok(
      await put({
        key: 'checkout',
        on: true,
        kind: 'MULTIVAR',
        variations: ['classic', 'new'],
        targets: [{ user: 'vip', variation: 'new' }],
        fallthrough: {
          rollout: [
            { variation: 'new', weight: 50 },
            { variation: 'classic', weight: 50 },
          ],
        },
      }),
    );
  });

  it('evaluates one flag with the protocol’s reasons', async () => {
    const target = await ofrep('/checkout', { context: { targetingKey: 'vip' } });
    expect(target.status).toBe(200);
    expect(await target.json()).toEqual({
      key: 'checkout',
      value: 'new',
      variant: 'new',
      reason: 'TARGETING_MATCH',
      metadata: {},
    });
    const split = await (await ofrep('/checkout', { context: { targetingKey: 'someone' } })).json();
    expect(split).toMatchObject({ key: 'checkout', reason: 'SPLIT' });
  });

  it('answers the protocol’s error codes', async () => {
    const missing = await ofrep('/nope', { context: {} });
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { key: 'nope', errorCode: 'FLAG_NOT_FOUND', errorDetails: 'no flag nope' },
    ]);
    const noKey = await ofrep('/checkout', { context: { role: 'viewer' } });
    expect([noKey.status, ((await noKey.json()) as { errorCode: string }).errorCode]).toEqual([
      400,
      'TARGETING_KEY_MISSING',
    ]);
    const garbled = await ofrep('/checkout', '{not json');
    expect([garbled.status, ((await garbled.json()) as { errorCode: string }).errorCode]).toEqual([
      400,
      'PARSE_ERROR',
    ]);
    const badContext = await ofrep('/checkout', { context: [1] });
    expect([badContext.status, ((await badContext.json()) as { errorCode: string }).errorCode]).toEqual([
      400,
      'INVALID_CONTEXT',
    ]);
  });

  it('evaluates every flag in bulk, with an ETag that answers 304 until a flag changes', async () => {
    const body = { context: { targetingKey: 'vip', role: 'manager' } };
    const first = await ofrep('', body);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    const { flags } = (await first.json()) as { flags: { key: string }[] };
    expect(flags.map((f) => f.key)).toEqual([...flags.map((f) => f.key)].sort());
    expect(flags.find((f) => f.key === 'checkout')).toMatchObject({ value: 'new' });
    expect((await ofrep('', body, { 'if-none-match': etag })).status).toBe(304);
    const otherContext = await ofrep('', { context: { targetingKey: 'other' } }, { 'if-none-match': etag });
    expect(otherContext.status).toBe(200);
    expect(otherContext.headers.get('etag')).not.toBe(etag);
    ok(await svc.gql(TOGGLE, { key: 'checkout', on: false }));
    const changed = await ofrep('', body, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(
      ((await changed.json()) as { flags: { key: string; reason: string }[] }).flags.find(
        (f) => f.key === 'checkout',
      ),
    ).toMatchObject({ reason: 'DISABLED' });
    ok(await svc.gql(TOGGLE, { key: 'checkout', on: true }));
  });
});

describe('the evaluation snapshot', () => {
  it('follows writes made by another process through the event stream', async () => {
    const other = await startFlags({ prefix });
    try {
      ok(await put({ key: 'replicated', on: true }));
      const evaluate = async () =>
        (await (
          await fetch(`${other.url}/ofrep/v1/evaluate/flags/replicated`, { method: 'POST' })
        ).json()) as { value?: boolean };
      await expect.poll(evaluate, { timeout: 3000, interval: 20 }).toMatchObject({ value: true });
      ok(await svc.gql(TOGGLE, { key: 'replicated', on: false }));
      await expect.poll(evaluate, { timeout: 3000, interval: 20 }).toMatchObject({ value: false });
    } finally {
      await other.close();
    }
  });
});

describe('concurrent writers', () => {
  it('lose nothing: 40 parallel toggles of one flag each land once, in one unbroken version chain', async () => {
    ok(await put({ key: 'contended', on: true }));
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => svc.gql(TOGGLE, { key: 'contended', on: i % 2 === 1 })),
    );
    for (const r of replies) ok(r);
    const audit = await redis.xrange(keys.flagAudit('contended'), '-', '+');
    const { flag } = ok(await svc.gql<{ flag: { version: number } }>(GET, { key: 'contended' }));
    // Every real change is one audit entry and one version; none overwrote another.
    expect(flag.version).toBe(audit.length);
  });

  it('let exactly one of several writers holding the same version win', async () => {
    const { putFlag } = ok(await put({ key: 'raced', on: true }));
    const v = putFlag.flag.version;
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put({ key: 'raced', on: true, description: `writer ${i}` }, undefined, v),
      ),
    );
    expect(replies.filter((r) => codeOf(r) === 'OK')).toHaveLength(1);
    expect(replies.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(9);
  });
});

describe('Redis outage', () => {
  it('answers a write during a Redis pause with UNAVAILABLE while evaluation keeps serving', async () => {
    const proxy = await startPausableProxy(TEST_REDIS_URL);
    const paused = await startFlags({
      prefix,
      env: { REDIS_URL: proxy.url, REDIS_COMMAND_TIMEOUT_MS: '300' },
    });
    try {
      proxy.pause();
      const during = await paused.gql(PUT, { input: { key: 'during-pause', on: true } });
      expect(codeOf(during)).toBe('UNAVAILABLE');
      const evaluated = await fetch(`${paused.url}/ofrep/v1/evaluate/flags/search-v2`, { method: 'POST' });
      expect(evaluated.status).toBe(200);
      proxy.resume();
      expect(codeOf(await paused.gql(PUT, { input: { key: 'after-pause', on: true } }))).toBe('OK');
    } finally {
      proxy.resume();
      await paused.close();
      await proxy.close();
    }
  });
});
