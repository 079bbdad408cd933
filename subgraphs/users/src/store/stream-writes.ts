import { EVENT_STREAM_MAXLEN, type EventEnvelope, envelopeToFields } from '@polystatus/kit';
import { auditFields, type NewAuditEntry } from '../domain/audit.ts';

/**
 * What a change appends to the domain's streams. Stores pass it to the same script or MULTI as the change itself,
 * so an event or audit entry is written exactly when its change is.
 */
export interface StreamWrites {
  events: EventEnvelope<unknown>[];
  audit: NewAuditEntry[];
}

export const NO_WRITES: StreamWrites = { events: [], audit: [] };

export interface StreamLimits {
  auditMaxLen: number;
}

/** The three trailing ARGV of every script that appends: the writes as JSON, then the two stream caps. */
export function streamArgs(writes: StreamWrites, limits: StreamLimits, at: number): string[] {
  const payload = {
    events: writes.events.map(envelopeToFields),
    audit: writes.audit.map((a) => auditFields(a, at)),
  };
  return [JSON.stringify(payload), String(EVENT_STREAM_MAXLEN), String(limits.auditMaxLen)];
}

/** For MULTI-based changes: the XADD commands of `writes`. */
export function streamCommands(
  writes: StreamWrites,
  keys: { events: string; audit: string },
  limits: StreamLimits,
  at: number,
): [string, ...(string | number)[]][] {
  return [
    ...writes.events.map((e): [string, ...string[]] => [
      'xadd',
      keys.events,
      'MAXLEN',
      '~',
      String(EVENT_STREAM_MAXLEN),
      '*',
      ...envelopeToFields(e),
    ]),
    ...writes.audit.map((a): [string, ...string[]] => [
      'xadd',
      keys.audit,
      'MAXLEN',
      '~',
      String(limits.auditMaxLen),
      '*',
      ...auditFields(a, at),
    ]),
  ];
}
