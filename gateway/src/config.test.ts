import { EnvError } from '@polystatus/kit';
import { SUBGRAPHS } from '@polystatus/registry';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnv } from './config.ts';

describe('gateway config: subgraph URLs', () => {
  it("reaches every registered subgraph at its <NAME>_URL, else at the registry's default port", () => {
    const env = loadGatewayEnv({ INCIDENTS_URL: 'http://incidents.internal:9000/graphql' });
    expect(Object.keys(env.SUBGRAPH_URLS).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    for (const s of SUBGRAPHS) {
      expect(env.SUBGRAPH_URLS[s.name], s.name).toBe(
        s.name === 'incidents'
          ? 'http://incidents.internal:9000/graphql'
          : `http://127.0.0.1:${s.defaultPort}/graphql`,
      );
    }
  });

  it('refuses a URL variable that is not a URL, naming it', () => {
    expect(() => loadGatewayEnv({ USERS_URL: 'users on 4001' })).toThrow(EnvError);
    expect(() => loadGatewayEnv({ USERS_URL: 'users on 4001' })).toThrow(/USERS_URL: must be a URL/);
  });
});

describe('gateway config: defaults that protect a self-hosted install', () => {
  it('keeps Apollo Gateway from reporting to Apollo unless the operator opts in', () => {
    expect(loadGatewayEnv({}).APOLLO_TELEMETRY_DISABLED).toBe(true);
    expect(loadGatewayEnv({ APOLLO_TELEMETRY_DISABLED: 'false' }).APOLLO_TELEMETRY_DISABLED).toBe(false);
  });

  it('reuses answers within 32 MB unless told otherwise; 0 turns it off', () => {
    expect(loadGatewayEnv({}).GATEWAY_RESPONSE_CACHE_MB).toBe(32);
    expect(loadGatewayEnv({ GATEWAY_RESPONSE_CACHE_MB: '0' }).GATEWAY_RESPONSE_CACHE_MB).toBe(0);
  });
});
