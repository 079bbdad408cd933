import { describe, expect, it } from 'vitest';
import { SERVICES, SUBGRAPHS } from './services.ts';
import { portVariable, subgraphUrlVariable } from './variables.ts';

const unique = (values: unknown[]) => new Set(values).size === values.length;

describe('service registry', () => {
  it('gives every service its own name, folder and port', () => {
    expect(unique(SERVICES.map((s) => s.name))).toBe(true);
    expect(unique(SERVICES.map((s) => s.dir))).toBe(true);
    expect(unique(SERVICES.map((s) => s.defaultPort))).toBe(true);
  });

  it('lists every service after the services it depends on', () => {
    SERVICES.forEach((s, i) => {
      const earlier = SERVICES.slice(0, i).map((e) => e.name);
      expect(earlier, s.name).toEqual(expect.arrayContaining(s.dependsOn));
    });
  });

  it('keeps the subgraphs in SERVICES, each in subgraphs/<name>', () => {
    for (const s of SUBGRAPHS) {
      expect(SERVICES, s.name).toContain(s);
      expect(s).toMatchObject({ kind: 'subgraph', dir: `subgraphs/${s.name}` });
    }
    expect(SERVICES.filter((s) => s.kind === 'subgraph')).toEqual(SUBGRAPHS);
  });

  it("points the gateway at every subgraph's /graphql on the port that subgraph was given", () => {
    const gateway = SERVICES.find((s) => s.kind === 'gateway')!;
    const ports = Object.fromEntries(SERVICES.map((s, i) => [s.name, 5000 + i]));
    const env = gateway.env(ports, 'host');
    for (const s of SUBGRAPHS)
      expect(env[subgraphUrlVariable(s.name)]).toBe(`http://host:${ports[s.name]}/graphql`);
    expect(gateway.dependsOn).toEqual(SUBGRAPHS.map((s) => s.name));
  });

  it('names variables after the service, upper-cased, - turned into _', () => {
    expect(portVariable('rest-incidents')).toBe('REST_INCIDENTS_PORT');
    expect(subgraphUrlVariable('feature-flags')).toBe('FEATURE_FLAGS_URL');
  });
});
