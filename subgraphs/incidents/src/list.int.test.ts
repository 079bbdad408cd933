import { type As, deletePrefix, ok, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { incidentsKeys } from './keys.ts';
import { IncidentStore } from './store/incident-store.ts';
import { type IncidentsHarness, startIncidents } from './testing/harness.ts';
import { ASSIGN, CHANGE_STATUS, createMany, LIST, UPDATE } from './testing/operations.ts';
import { createUsers } from './testing/users.ts';

/**
 * A few thousand incidents with attributes derived from their number, so every filter's expected answer can be
 * computed here, independently of the indexes under test.
 */
const COUNT = 3000;
const BATCH = 25;
const WORDS = [
  'Database latency',
  'Café outage',
  'Queue backlog',
  'DNS failure',
  'Login errors',
  'CDN misses',
];

interface Model {
  n: number;
  id: string;
  seq: number;
  title: string;
  summary: string;
  sev: number;
  services: string[];
  status: 'OPEN' | 'MITIGATED' | 'RESOLVED';
  commander: string | null;
  source: 'MANUAL' | 'CSP' | 'API';
}

const attrs = (n: number) => ({
  title: `${WORDS[n % WORDS.length]} #${n}`,
  summary: n % 9 === 0 ? `Customers saw needle-XYZ errors (${n})` : 'Nothing special here',
  sev: 1 + (n % 4),
  services: [`svc-${n % 5}`, ...(n % 2 === 0 ? ['shared'] : [])],
  source: (n % 11 === 0 ? 'API' : n % 13 === 0 ? 'CSP' : 'MANUAL') as Model['source'],
});
const finalStatus = (n: number): Model['status'] =>
  n % 7 === 0 ? 'RESOLVED' : n % 3 === 1 ? 'MITIGATED' : 'OPEN';
const commanderOf = (n: number) => (n % 10 === 0 ? 'cmdr-a' : n % 10 === 5 ? 'cmdr-b' : null);

const prefix = uniquePrefix('incidents-list');
const keys = incidentsKeys(prefix);
let redis: Redis;
let svc: IncidentsHarness;
const model: Model[] = [];

/** Runs `fn` over `items` with at most `width` in flight. */
async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

beforeAll(async () => {
  redis = testRedis();
  svc = await startIncidents({ prefix });
  await createUsers(redis, prefix, 'cmdr-a', 'cmdr-b');
  const batches = Array.from({ length: COUNT / BATCH }, (_, b) => b);
  const ids: string[] = new Array(COUNT);
  await inParallel(batches, 8, async (b) => {
    const vars: Record<string, unknown> = {};
    for (let i = 0; i < BATCH; i++) vars[`i${i}`] = attrs(b * BATCH + i);
    const data = ok(await svc.gql<Record<string, { id: string }>>(createMany(BATCH), vars));
    for (let i = 0; i < BATCH; i++) ids[b * BATCH + i] = data[`c${i}`]!.id;
  });
  const seqs = await Promise.all(ids.map((id) => redis.hget(keys.incident(id), 'seq')));
  for (let n = 0; n < COUNT; n++) {
    model.push({ n, id: ids[n]!, seq: Number(seqs[n]), ...attrs(n), status: 'OPEN', commander: null });
  }
  await inParallel(model, 16, async (m) => {
    const to = finalStatus(m.n);
    if (to !== 'OPEN') ok(await svc.gql(CHANGE_STATUS, { id: m.id, status: to }));
    m.status = to;
    const c = commanderOf(m.n);
    if (c) ok(await svc.gql(ASSIGN, { id: m.id, commanderId: c }));
    m.commander = c;
  });
}, 120_000);

afterAll(async () => {
  await svc?.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

type Filter = Partial<{
  status: Model['status'];
  sev: number;
  service: string;
  q: string;
  commander: string;
  source: Model['source'];
}>;

function expected(f: Filter): string[] {
  const q = f.q?.toLowerCase();
  return model
    .filter(
      (m) =>
        (!f.status || m.status === f.status) &&
        (f.sev === undefined || m.sev === f.sev) &&
        (!f.service || m.services.includes(f.service)) &&
        (!f.commander || m.commander === f.commander) &&
        (!f.source || m.source === f.source) &&
        (!q || m.title.toLowerCase().includes(q) || m.summary.toLowerCase().includes(q)),
    )
    .sort((a, b) => b.seq - a.seq)
    .map((m) => m.id);
}

type ListReply = {
  incidents: {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** Every page until hasNextPage is false; checks the page contract on the way. */
async function listAll(
  f: Filter,
  first: number,
  on: IncidentsHarness = svc,
  caller: As = { role: 'viewer' },
  onPage: (size: number, hasNextPage: boolean) => void = () => {},
) {
  const out: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const reply: ListReply = ok(await on.gql<ListReply>(LIST, { filter: f, first, after }, caller));
    const { edges, pageInfo } = reply.incidents;
    expect(edges.length).toBeLessThanOrEqual(first);
    out.push(...edges.map((e) => e.node.id));
    onPage(edges.length, pageInfo.hasNextPage);
    if (!pageInfo.hasNextPage) return out;
    expect(pageInfo.endCursor).toBeTruthy();
    after = pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe(`listing ${COUNT} incidents`, () => {
  const cases: [string, Filter][] = [
    ['everything', {}],
    ['status open', { status: 'OPEN' }],
    ['status mitigated', { status: 'MITIGATED' }],
    ['status resolved', { status: 'RESOLVED' }],
    ['sev 2', { sev: 2 }],
    ['service', { service: 'svc-3' }],
    ['commander', { commander: 'cmdr-a' }],
    ['source csp', { source: 'CSP' }],
    ['source api', { source: 'API' }],
    ['q in titles, accented, any case', { q: 'CAFÉ' }],
    ['q in summaries', { q: 'needle-xyz' }],
    ['q of two characters (no trigram)', { q: 'dn' }],
    ['q of one character', { q: 'é' }],
    ['q that matches nothing', { q: 'no such words' }],
    ['status + sev', { status: 'MITIGATED', sev: 2 }],
    ['service + status + sev', { service: 'shared', status: 'OPEN', sev: 3 }],
    ['commander + status', { commander: 'cmdr-b', status: 'RESOLVED' }],
    ['q + status', { q: 'queue backlog', status: 'OPEN' }],
    ['q + service + sev', { q: 'latency #1', service: 'svc-1', sev: 3 }],
    ['source + sev + q', { source: 'API', sev: 4, q: 'needle' }],
    [
      'everything at once',
      { status: 'OPEN', sev: 1, service: 'shared', commander: 'cmdr-a', source: 'MANUAL', q: 'a' },
    ],
  ];

  it.each(cases)('filters by %s, newest first, across pages', async (_, f) => {
    const want = expected(f);
    const got = await listAll(f, 97);
    expect(got).toEqual(want);
  });

  it('makes sure the cases are not trivially empty', () => {
    const sizes = cases.map(([name, f]) => [name, expected(f).length] as const);
    const empty = sizes.filter(([name, n]) => n === 0 && name !== 'q that matches nothing');
    expect(empty).toEqual([]);
  });

  it('pages the whole set with the largest page size', async () => {
    const got = await listAll({}, 500);
    expect(got).toHaveLength(COUNT);
    expect(new Set(got).size).toBe(COUNT);
  });

  it('keeps pages stable while new incidents arrive on top', async () => {
    const first = ok(await svc.gql<ListReply>(LIST, { filter: { sev: 1 }, first: 10 }));
    const fresh = ok(
      await svc.gql<Record<string, { id: string }>>(createMany(1), { i0: { title: 'late', sev: 1 } }),
    );
    const second = ok(
      await svc.gql<ListReply>(LIST, {
        filter: { sev: 1 },
        first: 10,
        after: first.incidents.pageInfo.endCursor,
      }),
    );
    const want = expected({ sev: 1 });
    expect(second.incidents.edges.map((e) => e.node.id)).toEqual(want.slice(10, 20));
    expect(second.incidents.edges.map((e) => e.node.id)).not.toContain(fresh.c0!.id);
    model.push({
      n: -1,
      id: fresh.c0!.id,
      seq: Number(await redis.hget(keys.incident(fresh.c0!.id), 'seq')),
      title: 'late',
      summary: '',
      sev: 1,
      services: [],
      status: 'OPEN',
      commander: null,
      source: 'MANUAL',
    });
  });

  it('follows title and summary edits in the search index', async () => {
    const renamed = model.find((m) => m.title.startsWith('Café'))!;
    ok(await svc.gql(UPDATE, { id: renamed.id, input: { title: 'Renamed incident zebra' } }));
    renamed.title = 'Renamed incident zebra';
    const calmed = model.find((m) => m.summary.includes('needle'))!;
    ok(await svc.gql(UPDATE, { id: calmed.id, input: { summary: 'calm' } }));
    calmed.summary = 'calm';

    const cafe = await listAll({ q: 'café' }, 200);
    expect(cafe).toEqual(expected({ q: 'café' }));
    expect(cafe).not.toContain(renamed.id);
    expect(await listAll({ q: 'ZEBRA' }, 10)).toEqual([renamed.id]);
    const needle = await listAll({ q: 'needle' }, 500);
    expect(needle).toEqual(expected({ q: 'needle' }));
    expect(needle).not.toContain(calmed.id);
  });

  it('returns partial pages, never wrong ones, when the scan budget runs out', async () => {
    const tight = await startIncidents({ prefix, env: { INCIDENTS_LIST_SCAN_BUDGET: '100' } });
    try {
      // Searches resolve through the trigram index and stay within the budget; two indexes intersected do not.
      for (const [f, runsOut] of [
        [{ q: 'needle' }, false],
        [{ commander: 'cmdr-b', status: 'RESOLVED' as const }, true],
        [{ q: 'no such words' }, false],
      ] as const) {
        let partial = 0;
        const got = await listAll(f, 50, tight, undefined, (size, more) => {
          if (more && size < 50) partial++;
        });
        expect(got).toEqual(expected(f));
        // A partial page: fewer than asked for while more remain, the budget having run out.
        expect(partial > 0, JSON.stringify(f)).toBe(runsOut);
      }
    } finally {
      await tight.close();
    }
  });

  it('refuses page sizes outside 1..500 and cursors it did not issue', async () => {
    for (const first of [0, 501]) {
      const reply = await svc.gql(LIST, { first }, { role: 'viewer' });
      expect(reply.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION',
        details: [{ field: 'first' }],
      });
    }
    const bad = await svc.gql(LIST, { after: 'bm9wZQ' }, { role: 'viewer' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', details: [{ field: 'after' }] });
  });

  it('reads the nested fields of a whole page in one batch each, not one per incident', async () => {
    const spies = (['getMany', 'list', 'timelines', 'latestPostmortems', 'postmortemHistories'] as const).map(
      (m) => [m, vi.spyOn(IncidentStore.prototype, m)] as const,
    );
    try {
      const reply = ok(
        await svc.gql<{ incidents: { nodes: { id: string; timeline: { nodes: unknown[] } }[] } }>(
          `{ incidents(first: 100) { nodes { id postmortem { version } postmortemHistory { version }
             timeline(first: 5) { nodes { id } } commander { id } } } }`,
        ),
      );
      expect(reply.incidents.nodes).toHaveLength(100);
      expect(reply.incidents.nodes.every((n) => n.timeline.nodes.length >= 1)).toBe(true);
      expect(Object.fromEntries(spies.map(([m, spy]) => [m, spy.mock.calls.length]))).toEqual({
        // The page carries its records (list.lua): no second read of the incidents at all.
        getMany: 0,
        list: 1,
        timelines: 1,
        latestPostmortems: 1,
        postmortemHistories: 1,
      });
    } finally {
      for (const [, spy] of spies) spy.mockRestore();
    }
  });

  it('needs an identity to list', async () => {
    const reply = await svc.gql(LIST, {}, null);
    expect(reply.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
