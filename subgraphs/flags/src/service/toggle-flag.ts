import { fieldError, type Principal, requireRole } from '@polystatus/kit';
import { FLAG_EVENTS, flagEvent } from '../domain/events.ts';
import type { Flag } from '../domain/flag.ts';
import { isFlagKey } from '../domain/validation.ts';
import type { FlagsDeps } from './deps.ts';
import { writtenFlag } from './outcome.ts';

export interface ToggleResult {
  flag: Flag;
  /** False when the flag already was in that state: nothing was written or audited. */
  changed: boolean;
  incidentId: string | null;
  /** The mitigation entry on the incident's timeline. */
  timelineEntryId: string | null;
  /** Why that entry could not be written; the toggle itself stands. */
  timelineError: string | null;
}

/**
 * Switches a flag on or off. Plainly it is an admin's change; named with an incident it is a kill switch a
 * responder may pull: the toggle is applied and audited first, then the incident's timeline gets a
 * MITIGATION entry naming the flag. That second write crosses into another domain through the gateway; if it
 * fails (gateway or incidents down, unknown incident), the flag stays toggled and the failure is reported and
 * logged. A kill switch must never be held back by the system it is protecting.
 */
export async function toggleFlag(
  deps: FlagsDeps,
  principal: Principal,
  key: string,
  on: boolean,
  opts: { incidentId?: string | null; requestId: string; log?: { warn(obj: object, msg: string): void } },
): Promise<ToggleResult> {
  const incidentId = opts.incidentId ?? null;
  const actor = requireRole(principal, incidentId ? 'responder' : 'admin');
  if (!isFlagKey(key)) throw fieldError('key', 'is not a flag key');
  if (incidentId !== null && incidentId.trim() === '') throw fieldError('incidentId', 'must not be empty');
  const now = deps.clock();
  const event = flagEvent(FLAG_EVENTS.changed, actor.id, key, { flagKey: key, on, incidentId }, now);
  const result = await deps.store.toggle(key, on, { actor: actor.id, now, event, incidentId });
  const flag = writtenFlag(result, key);
  deps.snapshot.apply(flag);
  const changed = result.outcome === 'toggled';
  const toggle: ToggleResult = { flag, changed, incidentId, timelineEntryId: null, timelineError: null };
  if (incidentId === null) return toggle;

  const state = on ? 'on' : 'off';
  const message = changed
    ? `Feature flag ${key} turned ${state} by ${actor.id} as a mitigation (flag version ${flag.version})`
    : `Feature flag ${key} confirmed ${state} by ${actor.id} as a mitigation (it already was)`;
  try {
    toggle.timelineEntryId = await deps.timeline.addMitigation(incidentId, message, opts.requestId);
  } catch (err) {
    toggle.timelineError = (err as Error).message || 'the incident timeline could not be written';
    opts.log?.warn(
      { err: toggle.timelineError, flag: key, incidentId },
      'kill switch applied; timeline entry failed',
    );
  }
  return toggle;
}
