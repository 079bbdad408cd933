import {
  type As,
  type StartSubgraphOptions,
  type SubgraphHarness,
  startSubgraph,
} from '@polystatus/kit/testing';
import { loadCspEnv } from '../config.ts';
import { buildCspService, type CspService, type CspServiceOptions } from '../server.ts';

export type CspHarness = SubgraphHarness<CspService>;

/** Registering providers needs a manager; a test names anyone else per call. */
export const DEFAULT_CALLER: As = { role: 'manager', id: 'u-manager' };

/**
 * The real csp service through the kit harness. Tests never reach the internet: the catalog is off and polling
 * is off unless a test turns them on (and then points them at a local server), and private addresses are
 * allowed because the test's feed server listens on loopback.
 */
export function startCsp(
  opts: StartSubgraphOptions & { service?: CspServiceOptions } = {},
): Promise<CspHarness> {
  return startSubgraph({
    label: 'csp',
    defaultAs: DEFAULT_CALLER,
    ...opts,
    env: {
      CSP_CATALOG: 'off',
      CSP_POLLING: 'false',
      POLYSTATUS_ALLOW_PRIVATE_NETWORK: 'true',
      CSP_RETRY_BASE_MS: '5',
      CSP_FETCH_TIMEOUT_MS: '2000',
      ...opts.env,
    },
    build: (env) => buildCspService(loadCspEnv(env), opts.service),
  });
}
