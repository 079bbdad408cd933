import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { RateLimiter } from '@polystatus/kit';
import { DomainError, documentMeasurer, type Principal } from '@polystatus/kit';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.ts';

/** Whose budget an operation spends: a signed-in user's wherever they call from, else the client address's. */
export const budgetKeyOf = (principal: Principal): string | undefined =>
  principal.kind === 'anonymous'
    ? principal.ip
      ? `ip:${principal.ip}`
      : undefined
    : `${principal.kind}:${principal.id}`;

/**
 * A budget of estimated cost per client and second (the cost-limit's units, counted with the request's real
 * variables), on top of the request rate limit: a hundred cheap requests and one costly one are not the same
 * load. Charged once the operation is known and before anything executes; an empty budget answers 429 with
 * Retry-After and RATE_LIMITED, so expensive-but-valid operations wait instead of crowding out other clients.
 * Only HTTP requests pay: the realtime server's hydrations run in-process and are shared by every subscriber.
 */
export function costBudgetPlugin(
  budget: RateLimiter,
  assumedListSize?: number,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const key = request.http ? budgetKeyOf(contextValue.principal) : undefined;
      if (!key) return;
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const measureOf = documentMeasurer(document, {
            assumedListSize,
            variables: request.variables,
            schema,
          });
          const { cost } = measureOf(operation);
          const decision = budget.take(key, cost);
          if (decision.allowed) return;
          const refusal = new DomainError('RATE_LIMITED', 'cost budget spent; slow down', {
            retryAfter: decision.retryAfterSeconds,
          });
          throw new GraphQLError(refusal.message, {
            originalError: refusal,
            extensions: {
              code: refusal.code,
              http: {
                status: 429,
                headers: new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]),
              },
            },
          });
        },
      };
    },
  };
}
