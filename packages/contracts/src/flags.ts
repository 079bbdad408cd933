import { z } from 'zod';
import { streamId } from './envelope.ts';

/**
 * The flags domain's events, on `<prefix>:flags:events` (`subject` is the flag key). Producer: subgraphs/flags;
 * the service builds the envelope (`src/domain/events.ts`) and the write script completes `data` with what only
 * it knows (`FLAG_SCRIPT_KEYS`) in the same atomic step as the change. Consumers: every flags process's
 * evaluation snapshot (it reloads the flag named), the gateway's realtime subscription `flagChanged`.
 */
export const FLAG_EVENTS = {
  changed: 'flag.changed',
} as const;

export type FlagEventType = (typeof FLAG_EVENTS)[keyof typeof FLAG_EVENTS];

export const FLAG_EVENT_DATA = {
  [FLAG_EVENTS.changed]: z.strictObject({
    flagKey: z.string().min(1),
    /** `created` and `updated` come from a whole definition written; `toggled` from switching it on or off. */
    action: z.enum(['created', 'updated', 'toggled']),
    /** Whether the flag is on right after the change. */
    on: z.boolean(),
    /** The flag's version right after the change: a reader holding an equal or newer one can skip the event. */
    version: z.int().positive(),
    /** The incident a kill-switch toggle was made from, else null. */
    incidentId: z.string().min(1).nullable(),
    /** The audit entry this change recorded (`Flag.audit(after:)` pages from it). */
    auditId: streamId,
  }),
} as const satisfies Record<FlagEventType, z.ZodType>;

export type FlagEventData<T extends FlagEventType> = z.infer<(typeof FLAG_EVENT_DATA)[T]>;

/** The `data` keys the write scripts (subgraphs/flags/src/store/lua) add: only they know these. */
export const FLAG_SCRIPT_KEYS = {
  [FLAG_EVENTS.changed]: ['action', 'version', 'auditId'],
} as const satisfies Record<FlagEventType, readonly string[]>;

/** What the service puts in a flag event's `data` before its write script adds the rest. */
export type FlagServiceData<T extends FlagEventType> = Omit<
  FlagEventData<T>,
  (typeof FLAG_SCRIPT_KEYS)[T][number]
>;
