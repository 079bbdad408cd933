import {
  type As,
  type StartSubgraphOptions,
  type SubgraphHarness,
  startSubgraph,
} from '@polystatus/kit/testing';
import { loadCommsEnv } from '../config.ts';
import { buildCommsService, type CommsService, type CommsServiceOptions } from '../server.ts';
import { FakeIncidents } from './fake-incidents.ts';

export type CommsHarness = SubgraphHarness<CommsService> & { incidents: FakeIncidents };

/** Publishing needs a responder and the rest a manager; a test names anyone else (or `null`) per call. */
export const DEFAULT_CALLER: As = { role: 'manager', id: 'u-manager' };

/**
 * The real comms service through the kit harness, with incidents read from an in-memory fake instead of the
 * gateway (`incidents`), and the scheduler ticking fast. `service` holds the other seams (a clock, ids).
 */
export async function startComms(
  opts: StartSubgraphOptions & { service?: CommsServiceOptions } = {},
): Promise<CommsHarness> {
  const incidents = new FakeIncidents();
  const harness = await startSubgraph({
    label: 'comms',
    defaultAs: DEFAULT_CALLER,
    ...opts,
    env: { COMMS_SCHEDULER_INTERVAL_MS: '100', ...opts.env },
    build: (env) => buildCommsService(loadCommsEnv(env), { incidents, ...opts.service }),
  });
  return Object.assign(harness, { incidents });
}
