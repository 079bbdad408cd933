import { envelopeFromFields } from '@polystatus/kit';
import { deletePrefix, ok, testRedis, uniquePrefix } from '@polystatus/kit/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentsKeys } from './keys.ts';
import { type IncidentsHarness, startIncidents } from './testing/harness.ts';
import { ADD_NOTE, CHANGE_STATUS, CREATE, GET, UPDATE } from './testing/operations.ts';

const prefix = uniquePrefix('incidents-race');
const keys = incidentsKeys(prefix);
let redis: Redis;
let svc: IncidentsHarness;
const responder = { role: 'responder' as const, id: 'u-race' };

beforeAll(async () => {
  redis = testRedis();
  svc = await startIncidents({ prefix });
});
afterAll(async () => {
  await svc?.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

const create = async (title: string) =>
  ok(await svc.gql<{ createIncident: { id: string } }>(CREATE, { input: { title, sev: 2 } }, responder))
    .createIncident.id;

describe('concurrent writers', () => {
  it('loses nothing: 50 parallel notes and 20 parallel status changes on one incident', async () => {
    const id = await create('Contended incident');
    const notes = Array.from({ length: 50 }, (_, i) =>
      svc.gql(ADD_NOTE, { id, input: { type: 'UPDATE', message: `parallel note ${i}` } }, responder),
    );
    const statuses = Array.from({ length: 20 }, (_, i) =>
      svc.gql(CHANGE_STATUS, { id, status: i % 2 === 0 ? 'MITIGATED' : 'OPEN' }, responder),
    );
    const replies = await Promise.all([...notes, ...statuses]);
    for (const r of replies) ok(r);

    const entries = (await redis.xrange(keys.timeline(id), '-', '+')).map(([entryId, f]) => {
      const m = new Map<string, string>();
      for (let i = 0; i + 1 < f.length; i += 2) m.set(f[i]!, f[i + 1]!);
      return { entryId, type: m.get('type')!, message: m.get('message')! };
    });
    const messages = entries.filter((e) => e.type === 'update').map((e) => e.message);
    expect(messages.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `parallel note ${i}`).sort());

    // Each real status change is recorded once, and the recorded changes form one unbroken chain.
    const changes = entries.filter((e) => e.type === 'status_changed').map((e) => e.message);
    let current = 'open';
    for (const c of changes) {
      const [, from, to] = /from (\w+) to (\w+)/.exec(c)!;
      expect(from).toBe(current);
      current = to!;
    }
    expect(changes.length).toBeGreaterThan(0);

    const incident = ok(
      await svc.gql<{ incident: { version: number; status: string } }>(GET, { id }),
    ).incident;
    expect(incident.status.toLowerCase()).toBe(current);
    // Version counts every write: creation, 50 notes, each real status change.
    expect(incident.version).toBe(1 + 50 + changes.length);
    expect(entries).toHaveLength(1 + 50 + changes.length);

    const events = (await redis.xrange(keys.events, '-', '+'))
      .map(([, f]) => envelopeFromFields(f))
      .filter((e) => e.subject === id);
    expect(events).toHaveLength(1 + 50 + changes.length);
    expect(events.map((e) => e.data.version)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.map((e) => e.data.timelineEntryId)).toEqual(entries.map((e) => e.entryId));
  });

  it('lets exactly one of many writers holding the same expectedVersion win', async () => {
    const id = await create('Optimistic');
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        svc.gql(UPDATE, { id, input: { summary: `writer ${i}` }, v: 1 }, responder),
      ),
    );
    const won = replies.filter((r) => !r.errors);
    const lost = replies.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.errors![0]!.extensions?.code === 'CONFLICT')).toBe(true);
    expect(ok(await svc.gql<{ incident: { version: number } }>(GET, { id })).incident.version).toBe(2);
  });

  it('gives 200 parallel creations 200 distinct ids and sequence numbers', async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => create(`burst ${i}`)));
    expect(new Set(ids).size).toBe(200);
    const seqs = await Promise.all(ids.map((id) => redis.hget(keys.incident(id), 'seq')));
    expect(new Set(seqs).size).toBe(200);
  });
});
