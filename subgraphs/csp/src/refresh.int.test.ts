import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './formats/testing/fixtures.ts';
import { type FeedServer, startFeedServer } from './testing/feed-server.ts';
import { type CspHarness, startCsp } from './testing/harness.ts';
import { EVENTS, PROVIDER, REFRESH, REGISTER } from './testing/operations.ts';

/**
 * Registration and refresh against feeds served over local HTTP: what a poll writes, what it skips, and what a bad
 * answer does (an error on the provider, a circuit that opens, stored events untouched).
 */
let feeds: FeedServer;
let csp: CspHarness;

beforeAll(async () => {
  feeds = await startFeedServer();
  csp = await startCsp({
    env: { CSP_CIRCUIT_THRESHOLD: '3', CSP_FETCH_TIMEOUT_MS: '500', CSP_RETRIES: '1' },
  });
});
afterAll(async () => {
  await csp?.close();
  await feeds?.close();
});

type Refresh = {
  providerId: string;
  httpStatus: number | null;
  created: number;
  updated: number;
  resolved: number;
  notModified: boolean;
  error: string | null;
  format: string | null;
  circuit: string;
};

const register = (name: string, path: string, type: string) =>
  csp.gql<{ registerProvider: { id: string } }>(REGISTER, {
    input: { name, feedUrl: `${feeds.url}${path}`, type },
  });

async function refresh(id: string): Promise<Refresh> {
  const res = await csp.gql<{ refreshProvider: Refresh }>(REFRESH, { id }, { role: 'responder', id: 'u-r' });
  expect(res.errors).toBeUndefined();
  return res.data!.refreshProvider;
}

type EventNode = {
  upstreamId: string;
  status: string;
  impact: string;
  active: boolean;
  resolvedAt: string | null;
  updates: unknown[];
};
async function events(providers: string[], active?: boolean): Promise<EventNode[]> {
  const res = await csp.gql<{ cspEvents: { nodes: EventNode[] } }>(
    EVENTS,
    { filter: { providers, active }, first: 500 },
    { role: 'viewer' },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.cspEvents.nodes;
}

describe('registering a provider', () => {
  it('registers once, refuses a second provider of the same name, and names each bad field', async () => {
    feeds.set('/reg/summary.json', {
      body: fixture('statuspage/github-summary-2022-11-25-active-incident.json'),
    });
    const ok = await register('reg-github', '/reg/summary.json', 'JSON');
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.registerProvider.id).toBe('reg-github');
    const again = await register('reg-github', '/reg/summary.json', 'STATUSPAGE');
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const bad = await csp.gql(REGISTER, {
      input: { name: 'Bad Name', feedUrl: 'ftp://x/feed', type: 'RSS' },
    });
    expect(bad.errors?.[0]?.extensions.code).toBe('VALIDATION');
    expect(bad.errors?.[0]?.extensions.details?.map((d) => d.field).sort()).toEqual(['feedUrl', 'name']);
    const viewer = await csp.gql(
      REGISTER,
      { input: { name: 'x', feedUrl: feeds.url, type: 'RSS' } },
      { role: 'viewer' },
    );
    expect(viewer.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('edits a provider: interval, enabled, declared dependencies; refuses bad values and unknown providers', async () => {
    feeds.set('/edit/summary.json', { body: '{}' });
    await register('editable', '/edit/summary.json', 'STATUSPAGE');
    const UPDATE = /* GraphQL */ `
      mutation Update($id: ID!, $input: UpdateProviderInput!) {
        updateProvider(id: $id, input: $input) { id intervalSeconds enabled dependsOn { id } type }
      }
    `;
    const ok = await csp.gql(UPDATE, {
      id: 'editable',
      input: { intervalSeconds: 600, enabled: false, dependsOn: ['reg-github'], type: 'RSS' },
    });
    expect(ok.data).toEqual({
      updateProvider: {
        id: 'editable',
        intervalSeconds: 600,
        enabled: false,
        dependsOn: [{ id: 'reg-github' }],
        type: 'RSS',
      },
    });
    const bad = await csp.gql(UPDATE, { id: 'editable', input: { intervalSeconds: 1 } });
    expect(bad.errors?.[0]?.extensions.details?.[0]?.field).toBe('intervalSeconds');
    const missing = await csp.gql(UPDATE, { id: 'nobody', input: { enabled: true } });
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('refuses feeds on loopback and private addresses unless the deployment allows them', async () => {
    const strict = await startCsp({ env: { POLYSTATUS_ALLOW_PRIVATE_NETWORK: 'false' } });
    try {
      for (const feedUrl of [
        `${feeds.url}/x.json`,
        'http://10.1.2.3/feed',
        'http://[::1]/feed',
        'http://169.254.169.254/',
      ]) {
        const res = await strict.gql(REGISTER, { input: { name: 'private', feedUrl, type: 'JSON' } });
        expect(res.errors?.[0]?.extensions.details?.[0]?.field, feedUrl).toBe('feedUrl');
      }
    } finally {
      await strict.close();
    }
  });
});

describe('refreshing a provider', () => {
  it('stores the events of a Statuspage summary, then skips the unchanged feed with a conditional request', async () => {
    feeds.set('/gh/summary.json', {
      body: fixture('statuspage/github-summary-2022-11-25-active-incident.json'),
    });
    await register('gh', '/gh/summary.json', 'JSON');
    const first = await refresh('gh');
    expect(first).toMatchObject({
      httpStatus: 200,
      created: 1,
      updated: 0,
      resolved: 0,
      notModified: false,
      error: null,
      format: 'STATUSPAGE',
    });
    const [event] = await events(['gh']);
    expect(event).toMatchObject({ status: 'INVESTIGATING', impact: 'MAJOR', active: true });
    const provider = await csp.gql<{
      provider: { components: unknown[]; health: { circuit: string; lastHttpStatus: number } };
    }>(PROVIDER, { id: 'gh' }, { role: 'viewer' });
    expect(provider.data!.provider.components.length).toBeGreaterThan(0);

    const second = await refresh('gh');
    expect(second).toMatchObject({ httpStatus: 304, created: 0, notModified: true, error: null });
    expect(feeds.notModified('/gh/summary.json')).toBe(1);
    expect(await events(['gh'])).toHaveLength(1);
  });

  it('skips a body identical to the last one even without validators (body hash)', async () => {
    feeds.set('/nohdr/summary.json', {
      body: fixture('statuspage/twilio-summary-2020-06-16-active.json'),
      etag: false,
    });
    await register('nohdr', '/nohdr/summary.json', 'STATUSPAGE');
    expect((await refresh('nohdr')).created).toBeGreaterThan(0);
    expect(await refresh('nohdr')).toMatchObject({
      httpStatus: 200,
      notModified: true,
      created: 0,
      updated: 0,
    });
  });

  it('turns the open GitHub incident of 2026-07-09 into a resolved one when the 2026-07-10 feed arrives', async () => {
    feeds.set('/atom/history.atom', {
      body: fixture('statuspage/github-history-2026-07-09-active.atom'),
      contentType: 'application/atom+xml',
    });
    await register('gh-atom', '/atom/history.atom', 'RSS');
    const first = await refresh('gh-atom');
    expect(first).toMatchObject({ created: 25, format: 'ATOM', error: null });
    const openBefore = await events(['gh-atom'], true);
    expect(openBefore.length).toBeGreaterThan(0);

    feeds.set('/atom/history.atom', {
      body: fixture('statuspage/github-history-2026-07-10-resolved.atom'),
      contentType: 'application/atom+xml',
    });
    const second = await refresh('gh-atom');
    expect(second.error).toBeNull();
    expect(second.resolved).toBeGreaterThanOrEqual(1);
    const stillOpen = new Set((await events(['gh-atom'], true)).map((e) => e.upstreamId));
    const resolvedNow = openBefore.filter((e) => !stillOpen.has(e.upstreamId));
    expect(resolvedNow.length).toBe(second.resolved);
  });

  it('resolves a status.io incident that disappears from the feed', async () => {
    feeds.set('/docker/status', {
      body: fixture('docker/statusio-status-2020-07-16-partial-disruption.json'),
    });
    await register('docker-t', '/docker/status', 'STATUSIO');
    const first = await refresh('docker-t');
    expect(first.created).toBeGreaterThan(0);
    const open = await events(['docker-t'], true);
    const incidents = open.length;
    const empty = JSON.parse(
      fixture('docker/statusio-status-2020-07-16-partial-disruption.json').toString('utf8'),
    );
    empty.result.incidents = [];
    empty.result.maintenance = { active: [], upcoming: [] };
    feeds.set('/docker/status', { body: JSON.stringify(empty) });
    const second = await refresh('docker-t');
    expect(second.resolved).toBe(incidents);
    expect(await events(['docker-t'], true)).toHaveLength(0);
    const closed = await events(['docker-t'], false);
    expect(closed.every((e) => e.resolvedAt !== null && !e.active)).toBe(true);
  });
});

describe('a feed that answers badly', () => {
  const answers: [string, Parameters<FeedServer['set']>[1], RegExp][] = [
    ['html', { body: '<!doctype html><html><body>Login</body></html>', contentType: 'text/html' }, /html/i],
    ['garbage', { body: '{"incidents": [tru' }, /json/i],
    ['empty', { body: '' }, /empty/i],
    ['huge', { body: Buffer.alloc(6 * 1024 * 1024, 32) }, /larger than/],
    ['redirect', { status: 302, etag: false, headers: { location: '/bad/redirect' } }, /redirect/],
    ['slow', { body: '{}', delayMs: 1500 }, /timed out/],
    ['dropped', { drop: true }, /network error/],
    ['server-error', { status: 503, body: 'down', etag: false }, /HTTP 503/],
  ];

  it.each(answers)(
    '%s: records a clear error, keeps the stored events, and opens the circuit after repeated failures',
    async (name, answer, message) => {
      const path = `/bad/${name}`;
      const id = `bad-${name}`;
      feeds.set(path, { body: fixture('statuspage/github-summary-2022-11-25-active-incident.json') });
      await register(id, path, 'STATUSPAGE');
      expect((await refresh(id)).created).toBe(1);
      const before = await events([id]);

      feeds.set(path, answer);
      const results = [await refresh(id), await refresh(id), await refresh(id)];
      for (const r of results) expect(r.error).toMatch(message);
      expect(results.map((r) => r.circuit)).toEqual(['CLOSED', 'CLOSED', 'OPEN']);
      const provider = await csp.gql<{
        provider: {
          health: { lastError: string; consecutiveFailures: number; circuit: string; reachable: boolean };
        };
      }>(PROVIDER, { id }, { role: 'viewer' });
      expect(provider.data!.provider.health).toMatchObject({
        consecutiveFailures: 3,
        circuit: 'OPEN',
        reachable: false,
      });
      expect(await events([id])).toEqual(before);
    },
  );

  it('records a TLS failure as a network error (https spoken to a server that does not speak TLS)', async () => {
    feeds.set('/tls/summary.json', {
      body: fixture('statuspage/github-summary-2022-11-25-active-incident.json'),
    });
    const feedUrl = `${feeds.url.replace('http:', 'https:')}/tls/summary.json`;
    expect(
      (await csp.gql(REGISTER, { input: { name: 'tls', feedUrl, type: 'STATUSPAGE' } })).errors,
    ).toBeUndefined();
    const result = await refresh('tls');
    expect(result).toMatchObject({ httpStatus: null, created: 0 });
    expect(result.error).toMatch(/^network error: .*(ssl|tls|EPROTO|wrong version)/i);
  });

  it('retries a 5xx once (CSP_RETRIES=1) but never a 4xx', async () => {
    feeds.set('/retry/503', { status: 503, body: 'x', etag: false });
    feeds.set('/retry/404', { status: 404, body: 'x', etag: false });
    await register('retry-503', '/retry/503', 'STATUSPAGE');
    await register('retry-404', '/retry/404', 'STATUSPAGE');
    await refresh('retry-503');
    await refresh('retry-404');
    expect(feeds.hits('/retry/503')).toBe(2);
    expect(feeds.hits('/retry/404')).toBe(1);
  });

  it('leaves other providers alone', async () => {
    feeds.set('/fine/summary.json', {
      body: fixture('statuspage/claude-summary-2026-10-07-active-monitoring.json'),
    });
    await register('fine', '/fine/summary.json', 'STATUSPAGE');
    expect(await refresh('fine')).toMatchObject({ error: null, circuit: 'CLOSED' });
  });
});
