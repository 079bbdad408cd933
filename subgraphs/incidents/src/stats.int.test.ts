import { ok, testRedis } from '@polystatus/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_EVENTS, incidentEvent } from './domain/events.ts';
import type { Source } from './domain/incident.ts';
import { plansTo } from './domain/transitions.ts';
import { incidentsKeys } from './keys.ts';
import { IncidentStore } from './store/incident-store.ts';
import { type IncidentsHarness, startIncidents } from './testing/harness.ts';
import { STATS } from './testing/operations.ts';

/**
 * incidentStats over 10,000 incidents spread over a year, written through the store's own scripts (the same
 * writes the service makes, pipelined: thousands per round trip instead of one GraphQL call each), with figures
 * chosen so every answer is known in advance.
 */
const N = 10_000;
const YEAR = 365 * 86_400_000;
const FROM = Date.UTC(2025, 0, 1);
const STEP = Math.floor(YEAR / N);
const SOURCES: Source[] = ['manual', 'csp', 'api'];

/** Incident i: started i steps into the year; acknowledged after (i % 10 + 1) minutes unless i % 3 == 0; … */
const plan = (i: number) => ({
  startedAt: FROM + i * STEP,
  sev: (i % 4) + 1,
  source: SOURCES[i % 3]!,
  services: [`svc-${i % 5}`],
  ackAfter: i % 3 === 0 ? null : ((i % 10) + 1) * 60_000,
  // … and resolved after (i % 7 + 1) hours when i is even.
  resolveAfter: i % 2 === 0 ? ((i % 7) + 1) * 3_600_000 : null,
});

const redis = testRedis();
let svc: IncidentsHarness;

beforeAll(async () => {
  svc = await startIncidents();
  const store = new IncidentStore(redis, incidentsKeys(svc.prefix), {
    eventStreamMaxLen: 1000,
    listScanBudget: 50_000,
  });
  const started = performance.now();
  const CHUNK = 1000;
  for (let base = 0; base < N; base += CHUNK) {
    const writes: Promise<unknown>[] = [];
    for (let i = base; i < Math.min(N, base + CHUNK); i++) {
      const p = plan(i);
      const id = `INC-S${String(i).padStart(7, '0')}`;
      const data = {
        incidentId: id,
        title: `Generated ${i}`,
        sev: p.sev,
        services: p.services,
        summary: '',
        status: 'open' as const,
        source: p.source,
        startedAt: new Date(p.startedAt).toISOString(),
        createdById: 'seed',
        externalKey: null,
      };
      const change = (now: number) => ({
        actor: 'seed',
        now,
        event: incidentEvent(INCIDENT_EVENTS.created, 'seed', id, data, now),
      });
      // Sent back to back without awaiting: ioredis writes them in one stream, so a chunk costs about a round trip.
      writes.push(
        store.create(
          {
            id,
            title: data.title,
            sev: p.sev,
            services: p.services,
            summary: '',
            source: p.source,
            status: 'open',
            externalKey: null,
          },
          { ...change(p.startedAt), message: 'seeded' },
        ),
      );
      if (p.ackAfter !== null) writes.push(store.acknowledge(id, change(p.startedAt + p.ackAfter)));
      if (p.resolveAfter !== null) {
        writes.push(
          store.changeStatus(id, 'resolved', plansTo('resolved'), null, change(p.startedAt + p.resolveAfter)),
        );
      }
    }
    await Promise.all(writes);
  }
  console.log(
    `seeded ${N} incidents through the write scripts in ${Math.round(performance.now() - started)} ms`,
  );
}, 120_000);
afterAll(async () => {
  await svc.close();
  await redis.quit();
});

/** Independent of domain/stats.ts: the quantile by its definition (linear between closest ranks). */
function expected(durations: number[]) {
  const s = [...durations].sort((a, b) => a - b).map((d) => d / 1000);
  const q = (p: number) => {
    const r = p * (s.length - 1);
    return s[Math.floor(r)]! + (s[Math.ceil(r)]! - s[Math.floor(r)]!) * (r - Math.floor(r));
  };
  return { count: s.length, median: q(0.5), p90: q(0.9), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

type Summary = { count: number; median: number | null; p90: number | null; mean: number | null };
type Group = {
  key: string | null;
  count: number;
  openAtEnd: number;
  timeToAcknowledge: Summary;
  timeToResolve: Summary;
};
type Stats = { incidentStats: { total: Group; groups: Group[] } };

describe('incidentStats', () => {
  it('answers a one-year query over 10,000 incidents from the stats index, fast, with the known figures', async () => {
    const vars = {
      from: new Date(FROM).toISOString(),
      to: new Date(FROM + YEAR).toISOString(),
      groupBy: 'SEV',
    };
    await svc.gql(STATS, vars); // warm: plan caches, script load
    const times: number[] = [];
    let reply: Stats | null = null;
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      reply = ok(await svc.gql<Stats>(STATS, vars));
      times.push(performance.now() - t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `incidentStats, one year, ${N} incidents, by SEV, over HTTP: best ${sorted[0]!.toFixed(1)} ms, median ${sorted[2]!.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')})`,
    );
    // The goal is under 100 ms (best 21.7 ms, median 31 ms on a quiet machine; printed above on every run). The
    // suite shares two cores with every other test file, so the assertion guards against a regression to a scan
    // of the incidents themselves (seconds at this size), not against a busy neighbour.
    expect(sorted[0]).toBeLessThan(300);

    const plans = Array.from({ length: N }, (_, i) => plan(i));
    const { total, groups } = reply!.incidentStats;
    expect(total.count).toBe(N);
    // The unresolved half, plus the few resolved only after the year ended.
    const end = FROM + YEAR;
    const open = plans.filter((p) => p.resolveAfter === null || p.startedAt + p.resolveAfter >= end).length;
    expect(open).toBeGreaterThan(N / 2);
    expect(total.openAtEnd).toBe(open);
    const close = (got: Summary, want: ReturnType<typeof expected>) => {
      expect(got.count).toBe(want.count);
      // Nothing to measure (sev 2 and 4 hold only odd, never-resolved incidents): no figure, not zero.
      if (want.count === 0) {
        expect([got.median, got.p90, got.mean]).toEqual([null, null, null]);
        return;
      }
      expect(got.median).toBeCloseTo(want.median, 6);
      expect(got.p90).toBeCloseTo(want.p90, 6);
      expect(got.mean).toBeCloseTo(want.mean, 6);
    };
    // Resolving an unacknowledged incident acknowledges it at that moment.
    const acked = plans.flatMap((p) => {
      const at = p.ackAfter ?? p.resolveAfter;
      return at === null ? [] : [at];
    });
    close(total.timeToAcknowledge, expected(acked));
    close(
      total.timeToResolve,
      expected(plans.flatMap((p) => (p.resolveAfter === null ? [] : [p.resolveAfter]))),
    );
    expect(groups.map((g) => g.key).sort()).toEqual(['1', '2', '3', '4']);
    for (const g of groups) {
      const mine = plans.filter((p) => String(p.sev) === g.key);
      expect(g.count).toBe(mine.length);
      close(
        g.timeToResolve,
        expected(mine.flatMap((p) => (p.resolveAfter === null ? [] : [p.resolveAfter]))),
      );
    }
  });

  it('narrows to the period and groups by service and source', async () => {
    // The first quarter of the year: incidents 0 .. ceil(Q / STEP) - 1.
    const to = FROM + YEAR / 4;
    const inQuarter = Array.from({ length: N }, (_, i) => plan(i)).filter((p) => p.startedAt < to);
    const bySvc = ok(
      await svc.gql<Stats>(STATS, {
        from: new Date(FROM).toISOString(),
        to: new Date(to).toISOString(),
        groupBy: 'SERVICE',
      }),
    ).incidentStats;
    expect(bySvc.total.count).toBe(inQuarter.length);
    expect(bySvc.groups).toHaveLength(5);
    expect(bySvc.groups.reduce((n, g) => n + g.count, 0)).toBe(inQuarter.length);
    const bySource = ok(
      await svc.gql<Stats>(STATS, {
        from: new Date(FROM).toISOString(),
        to: new Date(to).toISOString(),
        groupBy: 'SOURCE',
      }),
    ).incidentStats;
    expect(new Set(bySource.groups.map((g) => g.key))).toEqual(new Set(['MANUAL', 'CSP', 'API']));
    // A period with no incidents: zero counts and null durations, not an error.
    const empty = ok(
      await svc.gql<Stats>(STATS, {
        from: '2030-01-01T00:00:00Z',
        to: '2030-02-01T00:00:00Z',
        groupBy: 'SEV',
      }),
    ).incidentStats;
    expect(empty.total).toMatchObject({ count: 0, openAtEnd: 0, timeToResolve: { count: 0, median: null } });
    expect(empty.groups).toEqual([]);
  });
});
