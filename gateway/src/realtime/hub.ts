import { DomainError, type Logger } from '@polystatus/kit';
import type { GraphQLSchema } from 'graphql';
import { groupPrincipal } from './access.ts';
import type { GraphExecutor } from './graph-executor.ts';
import { Group } from './group.ts';
import type { SubscriptionPlan } from './plan.ts';
import { cursorOf, type ReplayContext, type StreamEvent, type SubscriptionSource } from './source.ts';
import { type Outlet, Subscriber, type SubscriberLimits } from './subscriber.ts';

export interface HubDeps {
  schema: GraphQLSchema;
  sources: readonly SubscriptionSource[];
  executor: GraphExecutor;
  logger: Logger;
  limits: SubscriberLimits;
  /** The domain stream after an id, for catch-up (the live reader never rewinds). */
  readStream: ReplayContext['readStream'];
  onHydration?(): void;
}

/** Groups of one source, indexed by route key; `null` holds groups that see every event of the source. */
type RouteIndex = Map<string | null, Set<Group>>;

/**
 * The in-process fan-out: events in from the reader, results out to subscribers. Work per event is per
 * matching group (one hydration, one local execution, one serialization); per subscriber, one framed write.
 */
export class Hub {
  private readonly groups = new Map<string, Group>();
  private readonly routes = new Map<SubscriptionSource, RouteIndex>();
  private readonly byEvent = new Map<string, SubscriptionSource[]>();

  constructor(private readonly deps: HubDeps) {
    for (const source of deps.sources) {
      this.routes.set(source, new Map());
      for (const type of source.eventTypes) {
        const key = `${source.domain}\u0000${type}`;
        this.byEvent.set(key, [...(this.byEvent.get(key) ?? []), source]);
      }
    }
  }

  /** The domains whose streams the reader must follow. */
  get domains(): string[] {
    return [...new Set(this.deps.sources.map((s) => s.domain))];
  }

  get stats(): { groups: number; subscribers: number } {
    let subscribers = 0;
    for (const g of this.groups.values()) subscribers += g.members.size;
    return { groups: this.groups.size, subscribers };
  }

  subscribe(plan: SubscriptionPlan, outlet: Outlet): Subscriber {
    const group = this.groupFor(plan);
    const subscriber = new Subscriber(outlet, this.deps.limits, plan.after);
    group.members.add(subscriber);
    subscriber.whenEnded(() => this.leave(group, subscriber));
    if (plan.after !== null) void this.catchUp(group, subscriber, plan.after);
    return subscriber;
  }

  dispatch(event: StreamEvent): void {
    const sources = this.byEvent.get(`${event.domain}\u0000${event.envelope.type}`);
    if (!sources) return;
    for (const source of sources) {
      const cursor = cursorOf(source, event);
      if (cursor === null) continue;
      const index = this.routes.get(source)!;
      const routed = source.route ? index.get(source.route.event(event)) : undefined;
      for (const groups of [routed, index.get(null)]) {
        if (!groups) continue;
        for (const group of groups) if (source.matches(group.plan.args, event)) group.deliver(event, cursor);
      }
    }
  }

  private groupFor(plan: SubscriptionPlan): Group {
    const existing = this.groups.get(plan.groupKey);
    if (existing) return existing;
    const group = new Group(plan, {
      schema: this.deps.schema,
      executor: this.deps.executor,
      logger: this.deps.logger,
      principal: groupPrincipal(plan.level),
      onHydration: () => this.deps.onHydration?.(),
    });
    this.groups.set(plan.groupKey, group);
    const route = plan.source.route?.args(plan.args) ?? null;
    const index = this.routes.get(plan.source)!;
    index.set(route, (index.get(route) ?? new Set()).add(group));
    return group;
  }

  private leave(group: Group, subscriber: Subscriber): void {
    group.members.delete(subscriber);
    if (group.members.size > 0) return;
    this.groups.delete(group.plan.groupKey);
    const route = group.plan.source.route?.args(group.plan.args) ?? null;
    const index = this.routes.get(group.plan.source)!;
    index.get(route)?.delete(group);
    if (index.get(route)?.size === 0) index.delete(route);
  }

  /** Replays what the subscriber missed through the group (so concurrent reconnects share hydrations). */
  private async catchUp(group: Group, subscriber: Subscriber, after: string): Promise<void> {
    const { source, args } = group.plan;
    const ctx: ReplayContext = {
      readStream: this.deps.readStream,
      query: (query, variables) =>
        this.deps.executor.execute(query, variables, groupPrincipal(group.plan.level)),
      principal: groupPrincipal(group.plan.level),
    };
    try {
      const events = source.replay ? source.replay(args, after, ctx) : defaultReplay(source, after, ctx);
      for await (const event of events) {
        if (subscriber.closed) return;
        const cursor = cursorOf(source, event);
        if (cursor === null || !source.matches(args, event)) continue;
        subscriber.replayed(cursor, await group.resultFor(event, cursor));
      }
      subscriber.goLive();
    } catch (err) {
      this.deps.logger.warn({ err, field: source.field }, 'catch-up failed');
      subscriber.fail(
        err instanceof DomainError
          ? err
          : new DomainError('UNAVAILABLE', 'missed events could not be read; resubscribe'),
      );
    }
  }
}

async function* defaultReplay(source: SubscriptionSource, after: string, ctx: ReplayContext) {
  const types = new Set(source.eventTypes);
  for await (const event of ctx.readStream(source.domain, after))
    if (types.has(event.envelope.type)) yield event;
}
