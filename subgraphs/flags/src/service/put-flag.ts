import { type Principal, requireRole } from '@polystatus/kit';
import { FLAG_EVENTS, flagEvent } from '../domain/events.ts';
import type { Flag } from '../domain/flag.ts';
import { type FlagInput, validateFlag } from '../domain/validation.ts';
import type { FlagsDeps } from './deps.ts';
import { writtenFlag } from './outcome.ts';

/** Creates a flag or replaces its whole definition (`created` tells which). Requires admin. */
export async function putFlag(
  deps: FlagsDeps,
  principal: Principal,
  input: FlagInput,
  expectedVersion?: number | null,
): Promise<{ flag: Flag; created: boolean }> {
  const actor = requireRole(principal, 'admin');
  const def = validateFlag(input);
  const now = deps.clock();
  const event = flagEvent(
    FLAG_EVENTS.changed,
    actor.id,
    def.id,
    { flagKey: def.id, on: def.on, incidentId: null },
    now,
  );
  const result = await deps.store.put(def, { actor: actor.id, now, event, expectedVersion });
  const flag = writtenFlag(result, def.id, expectedVersion);
  deps.snapshot.apply(flag);
  return { flag, created: result.outcome === 'created' };
}
