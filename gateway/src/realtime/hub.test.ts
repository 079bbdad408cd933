import { readFileSync } from 'node:fs';
import { ANONYMOUS, createLogger, type DomainError, type Principal } from '@polystatus/kit';
import { getOperationAST, parse } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { Hub } from './hub.ts';
import { planSubscription, type SubscriptionPlan } from './plan.ts';
import { buildRealtimeSchema } from './schema.ts';
import type { StreamEvent } from './source.ts';
import { SOURCES } from './sources/index.ts';
import { readSubscriptionSdl } from './subscription-sdl.ts';
import { FakeGraph } from './test-support/fake-graph.ts';
import { recordingOutlet } from './test-support/recording-outlet.ts';

const SUPERGRAPH = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const { schema } = buildRealtimeSchema(SUPERGRAPH, SOURCES, readSubscriptionSdl());
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

describe('Hub', () => {
  let graph: FakeGraph;
  let hub: Hub;
  let stream: StreamEvent[];
  const subscribe = (query: string, principal = viewer) => {
    const rec = recordingOutlet();
    return { ...rec, subscriber: hub.subscribe(plan(query, principal), rec.outlet) };
  };

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
      ...Array.from({ length: 20 }, () => subscribe(a)),
      subscribe(b), // same selection, other operation name, an absent variable: same group
      subscribe('subscription { incidentChanged { cursor incident { sev } } }'),
      subscribe(a, manager),
    ];
    expect(hub.stats).toEqual({ groups: 3, subscribers: 23 });
    hub.dispatch(incidentEvent('incident.status_changed', 'INC-AAAAAA'));
    const results = await Promise.all(subs.map((s) => s.next()));
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
    expect(subs[20]!.sent[0]).toBe(subs[0]!.sent[0]);
    expect(results[21]).toEqual({
      data: { incidentChanged: { cursor: expect.any(String), incident: { sev: 1 } } },
    });
    expect(graph.calls.map((c) => c.principal.role).sort()).toEqual(['manager', 'viewer', 'viewer']);
  });

  it('answers aliases and fragments at every level', async () => {
    const s = subscribe(`subscription { change: incidentChanged { k: kind ...F } }
            fragment F on IncidentChange { inc: incident { name: title ...G } }
            fragment G on Incident { severity: sev }`);
    hub.dispatch(incidentEvent('incident.created', 'INC-AAAAAA'));
    expect(await s.next()).toEqual({
      data: { change: { k: 'CREATED', inc: { name: 'Checkout down', severity: 1 } } },
    });
  });

  it('sends nothing to the gateway when only event fields are selected', async () => {
    const s = subscribe('subscription { incidentChanged { kind incidentId version } }');
    hub.dispatch(incidentEvent('incident.updated', 'INC-AAAAAA'));
    expect((await s.next()).data).toMatchObject({
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
    const only = subscribe(
      'subscription { incidentChanged(filter: { incidentIds: ["INC-BBBBBB"] }) { incidentId incident { title } } }',
    );
    graph.delays = [80, 0];
    hub.dispatch(incidentEvent('incident.created', 'INC-AAAAAA'));
    hub.dispatch(incidentEvent('incident.created', 'INC-BBBBBB'));
    hub.dispatch(incidentEvent('incident.updated', 'INC-BBBBBB'));
    const first = await only.next();
    const second = await only.next();
    expect([first.data, second.data]).toEqual([
      { incidentChanged: { incidentId: 'INC-BBBBBB', incident: { title: 'B' } } },
      { incidentChanged: { incidentId: 'INC-BBBBBB', incident: { title: 'B' } } },
    ]);
    expect(graph.calls).toHaveLength(2);
  });

  it('moves gateway errors to where the client selected the field', async () => {
    graph.forbidden.add('title');
    const s = subscribe('subscription { ch: incidentChanged { inc: incident { id title } } }');
    hub.dispatch(incidentEvent('incident.created', 'INC-AAAAAA'));
    const result = await s.next();
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
    const s = subscribe(
      'subscription { incidentTimeline(incidentId: "INC-AAAAAA") { cursor event { message } incident { title } } }',
    );
    const other = subscribe('subscription { incidentTimeline(incidentId: "INC-ZZZZZZ") { cursor } }');
    const event = incidentEvent('incident.timeline_event_added', 'INC-AAAAAA', { timelineEntryId: '3000-0' });
    incident.timeline.push(entry('3000-0', 'rolled back'), entry('3001-0', 'newer'));
    hub.dispatch(event);
    expect(await s.next()).toEqual({
      data: {
        incidentTimeline: {
          cursor: '3000-0',
          event: { message: 'rolled back' },
          incident: { title: 'Checkout down' },
        },
      },
    });
    await other.subscriber.return();
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
    const s = subscribe('subscription { incidentChanged(after: "5000-0") { cursor kind } }');
    hub.dispatch(missed[1]!); // the reader delivers one the replay also returns
    hub.dispatch(live);
    const got = [await s.next(), await s.next(), await s.next()].map(
      (r) => (r.data as { incidentChanged: unknown }).incidentChanged,
    );
    expect(got).toEqual([
      { cursor: '5001-0', kind: 'CREATED' },
      { cursor: '5002-0', kind: 'UPDATED' },
      { cursor: '5003-0', kind: 'COMMANDER_ASSIGNED' },
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.sent).toHaveLength(3);
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
    const s = subscribe('subscription { incidentTimeline(incidentId: "INC-AAAAAA") { cursor } }');
    expect(hub.stats.groups).toBe(1);
    await s.subscriber.return();
    expect(hub.stats).toEqual({ groups: 0, subscribers: 0 });
  });
});
