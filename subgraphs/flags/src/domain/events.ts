import { FLAG_EVENTS, type FlagEventType, type FlagServiceData } from '@polystatus/contracts';
import { type EventEnvelope, newEnvelope } from '@polystatus/kit';

/**
 * The names and payloads are the flags contract in packages/contracts; this domain only builds envelopes. The
 * write script completes `data` with `FLAG_SCRIPT_KEYS` (action, version, audit entry id).
 */
export { FLAG_EVENTS, type FlagEventType };

export const flagEvent = <T extends FlagEventType>(
  type: T,
  actor: string,
  flagKey: string,
  data: FlagServiceData<T>,
  at: number,
): EventEnvelope<FlagServiceData<T>> => newEnvelope(type, actor, flagKey, data, new Date(at));
