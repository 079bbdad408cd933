import type { EventEnvelope } from '@polystatus/kit';
import type { z } from 'zod';
import { COMMS_EVENT_DATA } from './comms.ts';
import { CSP_EVENT_DATA } from './csp.ts';
import { eventEnvelope } from './envelope.ts';
import { FLAG_EVENT_DATA } from './flags.ts';
import { INCIDENT_EVENT_DATA } from './incidents.ts';
import { USERS_EVENT_DATA } from './users.ts';

/**
 * Every domain's events by the stream they are appended to (`<prefix>:<domain>:events`). A domain that produces
 * events adds its map here; type names are unique across domains.
 */
export const DOMAIN_EVENTS = {
  users: USERS_EVENT_DATA,
  incidents: INCIDENT_EVENT_DATA,
  csp: CSP_EVENT_DATA,
  comms: COMMS_EVENT_DATA,
  flags: FLAG_EVENT_DATA,
} as const;

export type EventDomain = keyof typeof DOMAIN_EVENTS;
/** Every domain's map of type → data schema, as one object type. */
type Schemas = UnionToIntersection<(typeof DOMAIN_EVENTS)[EventDomain]>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (u: infer I) => void
  ? I
  : never;

/** Every declared event type name. */
export type EventType = keyof Schemas & string;
export type EventData<T extends EventType> = z.infer<Schemas[T]>;

/** An envelope whose `type` is declared and whose `data` is that type's payload. */
export type ContractEvent = { [T in EventType]: EventEnvelope<EventData<T>> & { type: T } }[EventType];

/** The events of one domain's stream: switching on `type` narrows `data`. */
export type DomainEvent<D extends EventDomain> = Extract<
  ContractEvent,
  { type: keyof (typeof DOMAIN_EVENTS)[D] }
>;

const SCHEMAS = new Map<string, { domain: EventDomain; data: z.ZodType }>();
for (const [domain, events] of Object.entries(DOMAIN_EVENTS) as [EventDomain, Record<string, z.ZodType>][]) {
  for (const [type, data] of Object.entries(events)) {
    if (SCHEMAS.has(type)) throw new Error(`event type ${type} is declared by two domains`);
    SCHEMAS.set(type, { domain, data });
  }
}

export const EVENT_TYPES: ReadonlySet<string> = new Set(SCHEMAS.keys());

export const isEventType = (type: string): type is EventType => SCHEMAS.has(type);

/** The domain whose stream carries events of this type. */
export const domainOf = (type: EventType): EventDomain => SCHEMAS.get(type)!.domain;

/**
 * Checks an envelope read from `domain`'s stream against the contract: the envelope's shape, a type that stream
 * declares, and a `data` exactly of that type's schema (no missing, extra or mistyped key). Throws a ZodError
 * or an Error naming what is wrong. Producers' tests run it over what they wrote; consumers may use it where an
 * event crosses a trust boundary, and otherwise rely on the types.
 */
export function parseEvent<D extends EventDomain>(domain: D, envelope: unknown): DomainEvent<D> {
  const e = eventEnvelope.parse(envelope);
  const declared = SCHEMAS.get(e.type);
  if (!declared || declared.domain !== domain)
    throw new Error(`event type ${e.type} is not declared for the ${domain} stream`);
  return { ...e, data: declared.data.parse(e.data) } as DomainEvent<D>;
}
