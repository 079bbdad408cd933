import type { IncomingMessage } from 'node:http';
import type { RateLimiter } from '@polystatus/kit';
import { DomainError, type Principal } from '@polystatus/kit';
import type { FormattedExecutionResult } from 'graphql';
import type { GraphExecutor } from './graph-executor.ts';

/** How the socket treats a query or mutation the way `POST /graphql` treats it. */
export interface SocketOperationPolicy {
  /** The client's address, found as for HTTP (the peer, or the right-most untrusted `X-Forwarded-For` hop). */
  clientOf(request: IncomingMessage): string;
  /** The gateway's per-client request bucket: one token per operation, shared with HTTP. */
  limiter?: RateLimiter;
}

export interface SocketOperation {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  principal: Principal;
}

/**
 * The principal a socket's query or mutation runs as: the socket's, with the client's address (as HTTP adds it,
 * so subgraph rules keyed by address see the same client), once the client's bucket gave it a token.
 */
export function admitSocketOperation(
  principal: Principal,
  request: IncomingMessage,
  policy: SocketOperationPolicy | undefined,
): Principal {
  if (!policy) return principal;
  const client = policy.clientOf(request);
  const decision = policy.limiter?.take(client);
  if (decision && !decision.allowed)
    throw new DomainError('RATE_LIMITED', 'too many requests; slow down', {
      retryAfter: decision.retryAfterSeconds,
    });
  return client ? { ...principal, ip: client } : principal;
}

/**
 * A query or mutation sent over the socket (GraphiQL and other clients that use graphql-ws for everything): run
 * through the gateway exactly like hydration (apollo-executor.ts), so the same validation, limits, plugins
 * (introspection answered from the client schema, with `Subscription`) and subgraph access rules apply.
 */
export async function runSocketOperation(
  op: SocketOperation,
  executor: GraphExecutor,
): Promise<FormattedExecutionResult> {
  const result = await executor.execute(op.query, op.variables ?? {}, op.principal, op.operationName);
  return { data: result.data ?? null, ...(result.errors ? { errors: result.errors } : {}) };
}
