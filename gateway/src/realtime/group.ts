import { formatGraphQLError, type Logger, type Principal } from '@polystatus/kit';
import {
  execute,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { GraphExecutor, GraphResult } from './graph-executor.ts';
import type { SubscriptionPlan } from './plan.ts';
import { HYDRATED, type PayloadObject, responseKeyResolver } from './schema.ts';
import type { StreamEvent } from './source.ts';
import type { SharedResult, Subscriber } from './subscriber.ts';

export interface GroupDeps {
  schema: GraphQLSchema;
  executor: GraphExecutor;
  logger: Logger;
  principal: Principal;
  /** Counts gateway round trips, the figure the benchmark checks against the number of groups. */
  onHydration(): void;
}

/**
 * Results kept per group so a replay and live delivery of the same event, or many clients resuming from the
 * same cursor, share one hydration. Small on purpose: a gateway may hold thousands of groups (one per watched
 * timeline), and resumes that overlap do so within the last few events.
 */
const MEMO_SIZE = 64;

/**
 * Subscribers that asked for the same thing (source, arguments, selection, access level). Each event is turned
 * into a result once here, through one gateway query, serialized once, and the same JSON goes to every member.
 * Results leave in event order even when hydrations finish out of order.
 */
export class Group {
  readonly members = new Set<Subscriber>();
  private readonly memo = new Map<string, Promise<SharedResult>>();
  private tail: Promise<void> = Promise.resolve();
  private readonly format: ReturnType<typeof formatGraphQLError>;

  constructor(
    readonly plan: SubscriptionPlan,
    private readonly deps: GroupDeps,
  ) {
    this.format = formatGraphQLError(deps.logger);
  }

  /** The group's result for an event, computed at most once while it is remembered. */
  resultFor(event: StreamEvent, cursor: string): Promise<SharedResult> {
    let result = this.memo.get(cursor);
    if (!result) {
      result = this.compute(event, cursor).then((value) => ({ json: JSON.stringify(value) }));
      this.memo.set(cursor, result);
      if (this.memo.size > MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
    }
    return result;
  }

  /** Starts hydrating now; hands the result to the members once every earlier event has been handed over. */
  deliver(event: StreamEvent, cursor: string): void {
    const result = this.resultFor(event, cursor);
    this.tail = this.tail
      .then(async () => {
        const value = await result;
        for (const member of this.members) member.offer(cursor, value);
      })
      // One event that cannot be delivered must not stall the group (or reject the chain unhandled): log it,
      // and the next event goes out as usual.
      .catch((err) =>
        this.deps.logger.error({ err, field: this.plan.source.field, cursor }, 'event not delivered'),
      );
  }

  private async compute(event: StreamEvent, cursor: string): Promise<FormattedExecutionResult> {
    const { source, hydration, document } = this.plan;
    const payload: PayloadObject = source.payload(event, cursor);
    let gatewayErrors: GraphQLFormattedError[] = [];
    if (hydration) {
      this.deps.onHydration();
      let response: GraphResult;
      try {
        response = await this.deps.executor.execute(
          hydration.text,
          hydration.variablesFor(event),
          this.deps.principal,
        );
      } catch (err) {
        this.deps.logger.warn({ err, field: source.field }, 'hydration failed');
        response = {
          data: null,
          errors: [{ message: 'the graph is unavailable', extensions: { code: 'UNAVAILABLE' } }],
        };
      }
      const { values, errors } = hydration.extract(response);
      payload[HYDRATED] = values;
      gatewayErrors = errors;
    }
    const local = await execute({
      schema: this.deps.schema,
      document,
      rootValue: payload,
      fieldResolver: responseKeyResolver,
    });
    const errors = [...gatewayErrors, ...(local.errors ?? []).map((e) => this.format(e.toJSON(), e))];
    return errors.length ? { data: local.data ?? null, errors } : { data: local.data ?? null };
  }
}
