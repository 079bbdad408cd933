import {
  type As,
  type StartSubgraphOptions,
  type SubgraphHarness,
  startSubgraph,
} from '@polystatus/kit/testing';
import { loadIncidentsEnv } from '../config.ts';
import { buildIncidentsService, type IncidentsService, type IncidentsServiceOptions } from '../server.ts';

export type IncidentsHarness = SubgraphHarness<IncidentsService>;

/** Most incidents verbs need a manager; a test names anyone else (or `null`: no identity) per call. */
export const DEFAULT_CALLER: As = { role: 'manager' };

/**
 * The real incidents service through the kit harness: what the integration tests and the benchmark speak HTTP
 * to. `service` holds the seams of buildIncidentsService (a forced id generator, a clock).
 */
export function startIncidents(
  opts: StartSubgraphOptions & { service?: IncidentsServiceOptions } = {},
): Promise<IncidentsHarness> {
  return startSubgraph({
    label: 'incidents',
    defaultAs: DEFAULT_CALLER,
    ...opts,
    build: (env) => buildIncidentsService(loadIncidentsEnv(env), opts.service),
  });
}
