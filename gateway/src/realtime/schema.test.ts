import { readFileSync } from 'node:fs';
import { newEnvelope } from '@polystatus/kit';
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildRealtimeSchema } from './schema.ts';
import type { SubscriptionSource } from './source.ts';
import { incidentChanged } from './sources/incidents.ts';
import { SOURCES } from './sources/index.ts';
import { readSubscriptionSdl, type SubscriptionSdl } from './subscription-sdl.ts';

const SUPERGRAPH = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const DECLARED = readSubscriptionSdl();
const incidentsSdl = DECLARED.find((d) => d.domain === 'incidents')!;
const sdl = (domain: string, text: string): SubscriptionSdl => ({
  domain,
  file: `subgraphs/${domain}/subscriptions.graphql`,
  sdl: text,
});

describe('buildRealtimeSchema', () => {
  it('is the API schema plus a Subscription type made of the domains’ declarations', () => {
    const { schema, skipped } = buildRealtimeSchema(SUPERGRAPH, SOURCES, DECLARED);
    expect(skipped).toEqual([]);
    expect(Object.keys(schema.getSubscriptionType()!.getFields()).sort()).toEqual([
      'announcementPublished',
      'cspEventChanged',
      'flagChanged',
      'incidentChanged',
      'incidentTimeline',
      'publicStatusChanged',
    ]);
    expect(schema.getType('IncidentChangeFilter')).toBeDefined();
    expect(schema.getQueryType()!.getFields().incident).toBeDefined();
    // Federation machinery stays out of the client's schema.
    expect(schema.getType('join__Graph')).toBeUndefined();
    expect(schema.getQueryType()!.getFields()._entities).toBeUndefined();
  });

  it('offers every kind of change the incidentChanged source can send, and no other', () => {
    const { schema } = buildRealtimeSchema(SUPERGRAPH, SOURCES, DECLARED);
    const kinds = new Set<unknown>();
    for (const type of incidentChanged.eventTypes) {
      const envelope = newEnvelope(type, 'u-1', 'INC-1', {});
      kinds.add(incidentChanged.payload({ domain: 'incidents', streamId: '1-0', envelope }, '1-0').kind);
    }
    const declared = schema.getType('IncidentChangeKind') as GraphQLEnumType;
    expect([...kinds].sort()).toEqual(
      declared
        .getValues()
        .map((v) => v.name)
        .sort(),
    );
  });

  it('leaves out a source whose domain is not in the supergraph, keeping the others', () => {
    // A domain that is not composed (no such subgraph): its payload's WeatherReport is not in the supergraph.
    const weather: SubscriptionSource = {
      ...incidentChanged,
      field: 'weatherChanged',
      domain: 'weather',
      hydrate: {},
    };
    const weatherSdl = sdl(
      'weather',
      'type Subscription { weatherChanged(after: String): WeatherChange! }\ntype WeatherChange { cursor: String! report: WeatherReport }',
    );
    const { schema, skipped } = buildRealtimeSchema(
      SUPERGRAPH,
      [...SOURCES, weather],
      [...DECLARED, weatherSdl],
    );
    expect(skipped).toEqual([{ field: 'weatherChanged', reason: expect.stringContaining('WeatherReport') }]);
    expect(schema.getSubscriptionType()!.getFields().incidentChanged).toBeDefined();
  });

  it('refuses at start a source without a declared field, and a declared field without a source', () => {
    const orphan: SubscriptionSource = { ...incidentChanged, field: 'incidentPinged' };
    expect(() => buildRealtimeSchema(SUPERGRAPH, [...SOURCES, orphan], DECLARED)).toThrow(
      /source incidentPinged: no field Subscription.incidentPinged in subgraphs\/incidents\/subscriptions.graphql/,
    );
    expect(() => buildRealtimeSchema(SUPERGRAPH, [incidentChanged], DECLARED)).toThrow(
      /Subscription.incidentTimeline has no source/,
    );
  });

  it('refuses a field declared beside another domain than the stream its source reads', () => {
    const moved = sdl('users', incidentsSdl.sdl);
    expect(() => buildRealtimeSchema(SUPERGRAPH, SOURCES, [moved])).toThrow(
      /reads the incidents stream, so declare it in subgraphs\/incidents\/subscriptions.graphql/,
    );
  });

  it('refuses two declarations of one field or type, naming both files', () => {
    const twice = [incidentsSdl, sdl('csp', incidentsSdl.sdl)];
    expect(() => buildRealtimeSchema(SUPERGRAPH, SOURCES, twice)).toThrow(/already declared by/);
  });

  it('refuses at start a declaration whose hydration path does not exist', () => {
    const broken: SubscriptionSource = {
      ...incidentChanged,
      hydrate: { incident: [{ field: 'incident', args: { key: (e) => e.envelope.subject } }] },
    };
    const timeline = SOURCES.find((s) => s.field === 'incidentTimeline')!;
    expect(() => buildRealtimeSchema(SUPERGRAPH, [broken, timeline], [incidentsSdl])).toThrow(
      /incident\(key:\) does not exist/,
    );
  });

  it('refuses a source without an after argument', () => {
    const noAfter = incidentsSdl.sdl.replace(
      'incidentChanged(filter: IncidentChangeFilter, after: String)',
      'incidentChanged(filter: IncidentChangeFilter)',
    );
    expect(noAfter).not.toBe(incidentsSdl.sdl);
    const incidentSources = SOURCES.filter((source) => source.domain === 'incidents');
    expect(() => buildRealtimeSchema(SUPERGRAPH, incidentSources, [sdl('incidents', noAfter)])).toThrow(
      /after/,
    );
  });
});
