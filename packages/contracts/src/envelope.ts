import type { EventEnvelope } from '@polystatus/kit';
import { z } from 'zod';

/** A Redis stream entry id (`<ms>-<seq>`): events point at other entries (a timeline entry) by it. */
export const streamId = z.string().regex(/^\d+-\d+$/, 'a Redis stream id (<ms>-<seq>)');

/** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it: every time in an event. */
export const isoTime = z.iso.datetime({ precision: 3 });

/**
 * The kit's envelope (`packages/kit/src/events.ts`, which builds and (de)serializes it), as a schema: what every
 * entry of every `<prefix>:<domain>:events` stream holds once read back with `envelopeFromFields`. `data` is
 * checked against the event type's own schema by `parseEvent`.
 */
export const eventEnvelope = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  at: isoTime,
  actor: z.string().min(1),
  subject: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<EventEnvelope>;
