import { type Principal, requireRole } from '@polystatus/kit';
import { buildCauseGraph, type CauseGraph } from '../domain/cause-graph.ts';
import type { CspDeps } from './deps.ts';

/** Events that changed within this window (plus every open one) take part in the inference. */
export const DEFAULT_WINDOW_HOURS = 72;
const MAX_EVENTS = 500;

/** The cause-and-effect graph between providers over the last `windowHours`. Requires viewer. */
export async function causeGraph(
  deps: CspDeps,
  principal: Principal,
  windowHours: number | null | undefined,
): Promise<CauseGraph> {
  requireRole(principal, 'viewer');
  const hours = Math.min(Math.max(windowHours ?? DEFAULT_WINDOW_HOURS, 1), 24 * 30);
  const now = deps.clock();
  const [providers, events] = await Promise.all([
    deps.providers.all(),
    deps.events.changedSince(now - hours * 3_600_000, MAX_EVENTS),
  ]);
  return buildCauseGraph(
    providers.map((p) => p.provider),
    events,
    now,
  );
}
