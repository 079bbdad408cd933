import {
  type As,
  type StartSubgraphOptions,
  type SubgraphHarness,
  startSubgraph,
} from '@polystatus/kit/testing';
import { loadFlagsEnv } from '../config.ts';
import { buildFlagsService, type FlagsService, type FlagsServiceOptions } from '../server.ts';

export type FlagsHarness = SubgraphHarness<FlagsService>;

/** Flag definitions are an admin's; a test names anyone else (or `null`: no identity) per call. */
export const DEFAULT_CALLER: As = { role: 'admin', id: 'admin-1' };

/**
 * The real flags service through the kit harness: GraphQL at `graphqlUrl`, OFREP under `url`. `service` holds
 * the seams of buildFlagsService (a clock, a fake incident timeline); without one, kill switches call the
 * gateway at GATEWAY_URL (nothing listens at the default in tests, which is the "gateway down" case).
 */
export function startFlags(
  opts: StartSubgraphOptions & { service?: FlagsServiceOptions } = {},
): Promise<FlagsHarness> {
  return startSubgraph({
    label: 'flags',
    defaultAs: DEFAULT_CALLER,
    ...opts,
    env: { GATEWAY_URL: 'http://127.0.0.1:9/graphql', FLAGS_TIMELINE_TIMEOUT_MS: '500', ...opts.env },
    build: (env) => buildFlagsService(loadFlagsEnv(env), opts.service),
  });
}
