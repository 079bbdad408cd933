import { randomUUID } from 'node:crypto';

/**
 * The envelope every domain appends to its stream `<prefix>:<domain>:events`. `subject` is the entity the event
 * is about (an incident id, a user id); `data` is the event's own payload. Consumers must be idempotent on `id`.
 */
export interface EventEnvelope<T = Record<string, unknown>> {
  id: string;
  type: string;
  /** ISO-8601 time the change was made. */
  at: string;
  actor: string;
  subject: string;
  data: T;
}

export function newEnvelope<T>(
  type: string,
  actor: string,
  subject: string,
  data: T,
  at = new Date(),
): EventEnvelope<T> {
  return { id: randomUUID(), type, at: at.toISOString(), actor, subject, data };
}

/** Flat field list for XADD (strings only; `data` as JSON). */
export function envelopeToFields(e: EventEnvelope<unknown>): string[] {
  return [
    'id',
    e.id,
    'type',
    e.type,
    'at',
    e.at,
    'actor',
    e.actor,
    'subject',
    e.subject,
    'data',
    JSON.stringify(e.data),
  ];
}

export function envelopeFromFields(fields: string[]): EventEnvelope {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(fields[i]!, fields[i + 1]!);
  return {
    id: m.get('id') ?? '',
    type: m.get('type') ?? '',
    at: m.get('at') ?? '',
    actor: m.get('actor') ?? '',
    subject: m.get('subject') ?? '',
    data: JSON.parse(m.get('data') ?? '{}') as Record<string, unknown>,
  };
}

/** Streams are capped (approximately, which is cheap) so they cannot grow without bound. */
export const EVENT_STREAM_MAXLEN = 100_000;

/**
 * The stream a domain appends its envelopes to, in the same atomic step as each change: its newest entry id
 * therefore versions everything the domain stores (the gateway's response cache, REST answer reuse, realtime).
 */
export const domainEventStream = (prefix: string, domain: string): string => `${prefix}:${domain}:events`;
