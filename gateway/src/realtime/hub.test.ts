import { readFileSync } from 'node:fs';
import { ANONYMOUS, createLogger, type DomainError, type Principal } from '@polystatus/kit';
import { type FormattedExecutionResult, getOperationAST, parse } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { Hub } from './hub.ts';
import { planSubscription, type SubscriptionPlan } from './plan.ts';
import { buildRealtimeSchema } from './schema.ts';
import type { StreamEvent } from './source.ts';
import { SOURCES } from './sources/index.ts';
import type { Subscriber } from './subscriber.ts';
import { FakeGraph } from './test-support/fake-graph.ts';

const SUPERGRAPH = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const { schema } = buildRealtimeSchema(SUPERGRAPH, SOURCES);
const sources = new Map(SOURCES.map((s) => [s.field, s]));
const logger = createLogger('realtime-test', 'silent');
const viewer: Principal = { kind: 'user', id: 'u-viewer', role: 'viewer' };
const manager: Principal = { kind: 'user', id: 'u-manager', role: 'manager' };

function plan(query: string, principal = viewer, variables: Record<string, unknown> = {}): SubscriptionPlan {
  const document = parse(query);
  const result = planSubscription(
    schema,
    sources,
    document,
    getOperationAST(document)!,
    variables,
    principal,
  );
  if (!('source' in result)) throw new Error(result.map((e) => e.message).join('; '));
  return result;
}

let seq = 0;
function incidentEvent(type: string, incidentId: string, data: Record<string, unknown> = {}): StreamEvent {
  seq++;
  return {
    domain: 'incidents',
    streamId: `${1000 + seq}-0`,
    envelope: {
      id: `ev-${seq}`,
      type,
      at: '2026-11-23T04:00:00.000Z',
      actor: 'u-responder',
      subject: incidentId,
      data: { incidentId, version: seq, timelineEntryId: `${2000 + seq}-0`, ...data },
    },
  };
}

const outlet = { bufferedBytes: () => 0, overflow: () => {} };
const next = async (s: Subscriber) =>
  Promise.race([
    s.next().then((r) => r.value as FormattedExecutionResult),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no result within 1s')), 1000)),
  ]);

describe('Hub', () => {
  let graph: FakeGraph;
  let hub: Hub;
  let stream: StreamEvent[];

  beforeEach(() => {
    graph = new FakeGraph(SUPERGRAPH);
    graph.incidents.set('INC-AAAAAA', {
      id: 'INC-AAAAAA',
      title: 'Checkout down',
      sev: 1,
      commanderId: 'u-cmd',
      timeline: [],
    });
    stream = [];
    hub = new Hub({
      schema,
      sources: SOURCES,
      executor: graph,
      logger,
      limits: { maxQueued: 100, maxBufferedBytes: 1e6 },
      readStream: async function* (_domain, after) {
        for (const e of stream) if (e.streamId > after) yield e;
      },
    });
  });

  it('hydrates once per event per distinct selection and access level, whatever the subscriber count', async () => {
    const a = 'subscription A { incidentChanged { cursor kind incident { title } } }';
    const b =
      'subscription($f: IncidentChangeFilter) { incidentChanged(filter: $f) { cursor kind incident { title } } }';
    const subs = [
      ...Array.from({ length: 20 }, () => hub.subscribe(plan(a), outlet)),
      hub.subscribe(plan(b), outlet), // same selection, other operation name, an absent variable: same group
      hub.subscribe(plan('subscription { incidentChanged { cursor incident { sev } } }'), outlet),
      hub.subscribe(plan(a, manager), outlet),
    ];
    expect(hub.stats).toEqual({ groups: 3, subscribers: 23 });
    hub.dispatch(incidentEvent('incident.status_changed', 'INC-AAAAAA'));
    const results = await Promise.all(subs.map(next));
    expect(graph.calls).toHaveLength(3);
    expect(results[0]).toEqual({
      data: {
        incidentChanged: {
          cursor: expect.any(String),
          kind: 'STATUS_CHANGED',
          incident: { title: 'Checkout down' },
        },
      },
    });
    expect(results[20]).toBe(results[0]);
    expect(results[21]).toEqual({
      data: { incidentChanged: { cursor: expect.any(String), incident: { sev: 1 } } },
    });
    expect(graph.calls.map((c) => c.principal.role).sort()).toEqual(['manager', 'viewer', 'viewer']);
  });

  it('answers aliases and fragments at every level', async () => {
    const s = hub.subscribe(
      plan(`subscription { change: incidentChanged { k: kind ...F } }
            fragment F on IncidentChange { inc: incident { name: title ...G } }
            fragment G on Incident { severity: sev }`),
      outlet,
    );
    hub.dispatch(incidentEvent('incident.created', 'INC-AAAAAA'));
    expect(await next(s)).toEqual({
      data: { change: { k: 'CREATED', inc: { name: 'Checkout down', severity: 1 } } },
    });
  });

  it('sends nothing to the gateway when only event fields are selected', async () => {
    const s = hub.subscribe(plan('subscription { incidentChanged { kind incidentId version } }'), outlet);
    hub.dispatch(incidentEvent('incident.updated', 'INC-AAAAAA'));
    expect((await next(s)).data).toMatchObject({
      incidentChanged: { kind: 'UPDATED', incidentId: 'INC-AAAAAA' },
    });
    expect(graph.calls).toHaveLength(0);
  });

  it('applies the filter per group and delivers in event order even when hydrations finish out of order', async () => {
    graph.incidents.set('INC-BBBBBB', {
      id: 'INC-BBBBBB',
      title: 'B',
      sev: 3,
      commanderId: null,
      timeline: [],
    });
    const only = hub.subscribe(
      plan(
        'subscription { incidentChanged(filter: { incidentIds: ["INC-BBBBBB"] }) { incidentId incident { title } } }',
      ),
      outlet,
    );
    graph.delays = [80, 0];
    hub.dispatch(incidentEvent('incident.created', 'INC-AAAAAA'));
    hub.dispatch(incidentEvent('incident.created', 'INC-BBBBBB'));
    hub.dispatch(incidentEvent('incident.updated', 'INC-BBBBBB'));
    const first = await next(only);
    const second = await next(only);
    expect([first.data, second.data]).toEqual([
      { incidentChanged: { incidentId: 'INC-BBBBBB', incident: { title: 'B' } } },
      { incidentChanged: { incidentId: 'INC-BBBBBB', incident: { title: 'B' } } },
    ]);
    expect(graph.calls).toHaveLength(2);
  });

  it('moves gateway errors to where the client selected the field', async () => {
    graph.forbidden.add('title');
    const s = hub.subscribe(
      plan('subscription { ch: incidentChanged { inc: incident { id title } } }'),
      outlet,
    );
    hub.dispatch(incidentEvent('incident.created', 'INC-AAAAAA'));
    const result = await next(s);
    // title is non-null, so the gateway nulls the incident, as it would over HTTP.
    expect(result.data).toEqual({ ch: { inc: null } });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['ch', 'inc', 'title'] })]);
  });

  it('hydrates the new timeline entry itself, by its id', async () => {
    const incident = graph.incidents.get('INC-AAAAAA')!;
    const entry = (id: string, message: string) => ({
      id,
      type: 'NOTE',
      message,
      authorId: 'u-responder',
      at: '2026-11-23T04:00:00.000Z',
      system: false,
    });
    incident.timeline.push(entry('2999-0', 'older'));
    const s = hub.subscribe(
      plan(
        'subscription { incidentTimeline(incidentId: "INC-AAAAAA") { cursor event { message } incident { title } } }',
      ),
      outlet,
    );
    const other = hub.subscribe(
      plan('subscription { incidentTimeline(incidentId: "INC-ZZZZZZ") { cursor } }'),
      outlet,
    );
    const event = incidentEvent('incident.timeline_event_added', 'INC-AAAAAA', { timelineEntryId: '3000-0' });
    incident.timeline.push(entry('3000-0', 'rolled back'), entry('3001-0', 'newer'));
    hub.dispatch(event);
    expect(await next(s)).toEqual({
      data: {
        incidentTimeline: {
          cursor: '3000-0',
          event: { message: 'rolled back' },
          incident: { title: 'Checkout down' },
        },
      },
    });
    other.return();
  });

  it('resumes after a cursor: missed events first, then live ones, none twice', async () => {
    const missed = [
      incidentEvent('incident.created', 'INC-AAAAAA'),
      incidentEvent('incident.updated', 'INC-AAAAAA'),
    ];
    const seen = incidentEvent('incident.status_changed', 'INC-AAAAAA');
    stream.push(seen, ...missed);
    // The stream order is what counts: `seen` is put first with the smallest id.
    [seen.streamId, missed[0]!.streamId, missed[1]!.streamId] = ['5000-0', '5001-0', '5002-0'];
    const live = incidentEvent('incident.commander_assigned', 'INC-AAAAAA');
    live.streamId = '5003-0';
    stream.push(live);
    const s = hub.subscribe(
      plan('subscription { incidentChanged(after: "5000-0") { cursor kind } }'),
      outlet,
    );
    hub.dispatch(missed[1]!); // the reader delivers one the replay also returns
    hub.dispatch(live);
    const got = [await next(s), await next(s), await next(s)].map(
      (r) => (r.data as { incidentChanged: unknown }).incidentChanged,
    );
    expect(got).toEqual([
      { cursor: '5001-0', kind: 'CREATED' },
      { cursor: '5002-0', kind: 'UPDATED' },
      { cursor: '5003-0', kind: 'COMMANDER_ASSIGNED' },
    ]);
    const more = await Promise.race([s.next(), new Promise((r) => setTimeout(() => r('none'), 100))]);
    expect(more).toBe('none');
  });

  it('refuses subscriptions like the matching query: anonymous and a bad cursor', () => {
    expect(() => plan('subscription { incidentChanged { kind } }', ANONYMOUS)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }) as DomainError,
    );
    expect(() => plan('subscription { incidentChanged(after: "nope") { kind } }')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }) as DomainError,
    );
  });

  it('forgets a group when its last subscriber leaves', async () => {
    const s = hub.subscribe(
      plan('subscription { incidentTimeline(incidentId: "INC-AAAAAA") { cursor } }'),
      outlet,
    );
    expect(hub.stats.groups).toBe(1);
    await s.return();
    expect(hub.stats).toEqual({ groups: 0, subscribers: 0 });
  });
});
