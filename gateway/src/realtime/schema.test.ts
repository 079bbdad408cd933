import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRealtimeSchema } from './schema.ts';
import type { SubscriptionSource } from './source.ts';
import { incidentChanged } from './sources/incidents.ts';
import { SOURCES } from './sources/index.ts';

const SUPERGRAPH = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');

describe('buildRealtimeSchema', () => {
  it('is the API schema plus a Subscription type made of the declared sources', () => {
    const { schema, skipped } = buildRealtimeSchema(SUPERGRAPH, SOURCES);
    expect(skipped).toEqual([]);
    expect(Object.keys(schema.getSubscriptionType()!.getFields()).sort()).toEqual([
      'incidentChanged',
      'incidentTimeline',
    ]);
    expect(schema.getQueryType()!.getFields().incident).toBeDefined();
    // Federation machinery stays out of the client's schema.
    expect(schema.getType('join__Graph')).toBeUndefined();
    expect(schema.getQueryType()!.getFields()._entities).toBeUndefined();
  });

  it('leaves out a source whose domain is not in the supergraph, keeping the others', () => {
    const csp: SubscriptionSource = {
      ...incidentChanged,
      field: 'cspEventChanged',
      fieldSdl: 'cspEventChanged(after: String): CspEventChange!',
      typeSdl: 'type CspEventChange { cursor: String! cspEvent: CspEvent }',
      hydrate: {},
    };
    const { schema, skipped } = buildRealtimeSchema(SUPERGRAPH, [...SOURCES, csp]);
    expect(skipped).toEqual([{ field: 'cspEventChanged', reason: expect.stringContaining('CspEvent') }]);
    expect(schema.getSubscriptionType()!.getFields().incidentChanged).toBeDefined();
  });

  it('refuses at start a declaration whose hydration path does not exist', () => {
    const broken: SubscriptionSource = {
      ...incidentChanged,
      hydrate: { incident: [{ field: 'incident', args: { key: (e) => e.envelope.subject } }] },
    };
    expect(() => buildRealtimeSchema(SUPERGRAPH, [broken])).toThrow(/incident\(key:\) does not exist/);
  });

  it('refuses a source without an after argument', () => {
    const noAfter: SubscriptionSource = {
      ...incidentChanged,
      fieldSdl: 'incidentChanged(filter: IncidentChangeFilter): IncidentChange!',
    };
    expect(() => buildRealtimeSchema(SUPERGRAPH, [noAfter])).toThrow(/after/);
  });
});
