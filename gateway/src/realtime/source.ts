import type { EventEnvelope, Principal, Role } from '@polystatus/kit';
import type { GraphResult } from './graph-executor.ts';

/** An envelope read from a domain stream, with the stream it came from and its id there. */
export interface StreamEvent {
  domain: string;
  streamId: string;
  envelope: EventEnvelope;
}

/**
 * One step of a path from `Query` to a value the payload exposes: `incident(id: …)`, then `timeline(after: …)`,
 * then `nodes`, element 0. Arguments are computed per event and sent as variables, so the hydration document
 * stays the same for every event of a group and the gateway's query-plan cache keeps hitting.
 */
export interface GraphStep {
  field: string;
  /** Argument name → its value for an event. */
  args?: Record<string, (event: StreamEvent) => unknown>;
  /** The field returns a list: keep this element. */
  index?: number;
}

/** The simplest hydration: an entity read by id through its root query field (`incident(id:)`). */
export const entityById = (
  queryField: string,
  id: (event: StreamEvent) => string,
  idArg = 'id',
): GraphStep[] => [{ field: queryField, args: { [idArg]: id } }];

export type Access = { public: true } | { role: Role };

/** What a source's own replay may use. Both act for the subscriber's access group, never with more rights. */
export interface ReplayContext {
  /** The domain stream after `afterId` (exclusive), oldest first, paged. */
  readStream(domain: string, afterId: string): AsyncIterable<StreamEvent>;
  /** Runs a query through the gateway as the group's principal. */
  query(query: string, variables: Record<string, unknown>): Promise<GraphResult>;
  principal: Principal;
}

/**
 * Everything needed to expose a domain event stream as a subscription, besides its SDL. The field, its payload
 * type and its arguments' types are declared beside the domain, in `subgraphs/<domain>/subscriptions.graphql`;
 * the realtime server pairs each source with its field there, and does the rest: reading the stream, grouping
 * subscribers, hydrating once per group, resuming, access and back-pressure. Arguments arrive already coerced
 * by the schema; `after` is reserved for resuming and never reaches `matches`.
 */
export interface SubscriptionSource {
  /** The `Subscription` field this source serves; it must take `after: String`. */
  field: string;
  /** Read from `<prefix>:<domain>:events`; the field is declared in `subgraphs/<domain>/subscriptions.graphql`. */
  domain: string;
  /** Names from packages/contracts (`INCIDENT_EVENTS` …): the event types of that stream this source serves. */
  eventTypes: readonly string[];
  /** Checked when a subscription starts, exactly like the matching query. */
  access: Access;
  /** Whether an event is for subscribers with these arguments. Runs once per group, never per subscriber. */
  matches(args: Record<string, unknown>, event: StreamEvent): boolean;
  /**
   * An index over groups: a group whose key differs from the event's is never looked at. Sources where each
   * subscriber watches one entity (a timeline) use it so an event costs O(its groups), not O(all groups).
   */
  route?: { args(args: Record<string, unknown>): string | null; event(event: StreamEvent): string };
  /**
   * The resume token clients get and pass back as `after`. It must be a stream id ordered like the events
   * (the default, the domain stream id, is). Events without one (`null`) are not for this source.
   */
  cursor?(event: StreamEvent): string | null;
  /** The payload fields known from the event alone. */
  payload(event: StreamEvent, cursor: string): Record<string, unknown>;
  /** Payload fields read through the gateway, each by its path from `Query`. */
  hydrate: Record<string, GraphStep[]>;
  /** The events after `after`, oldest first. Default: the domain stream after `after`, filtered by type. */
  replay?(args: Record<string, unknown>, after: string, ctx: ReplayContext): AsyncIterable<StreamEvent>;
}

export const cursorOf = (source: SubscriptionSource, event: StreamEvent): string | null =>
  source.cursor ? source.cursor(event) : event.streamId;
