import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { type Logger, type Principal, REQUEST_ID_HEADER, signIdentity } from '@polystatus/kit';
import type { GatewayContext } from '../context.ts';
import type { GraphExecutor, GraphResult } from './graph-executor.ts';

/**
 * Runs operations through the gateway's own Apollo server in-process: the same parse/validate/depth-limit,
 * query-plan cache, subgraph fetcher and signed identity as an HTTP request, minus the loopback HTTP hop and the
 * bearer-token authentication (the realtime server has authenticated the socket already).
 */
export function apolloExecutor(
  apollo: ApolloServer<GatewayContext>,
  internalSecret: string,
  log: Logger,
): GraphExecutor {
  // Signing is an HMAC per call; a group hydrates per event, so reuse a signature for half its lifetime.
  const signed = new Map<string, { value: string; until: number }>();
  const identityOf = (p: Principal): string => {
    const key = `${p.kind}|${p.id}|${p.role}|${p.tokenId ?? ''}|${p.ip ?? ''}`;
    const now = Date.now();
    const hit = signed.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = signIdentity(p, internalSecret, 60);
    signed.set(key, { value, until: now + 30_000 });
    return value;
  };
  return {
    async execute(query, variables, principal, operationName): Promise<GraphResult> {
      const requestId = randomUUID();
      const response = await apollo.executeOperation(
        { query, variables, ...(operationName ? { operationName } : {}) },
        {
          contextValue: {
            principal,
            requestId,
            log: log.child({ requestId }),
            identity: identityOf(principal),
            forwardedHeaders: { [REQUEST_ID_HEADER]: requestId },
          },
        },
      );
      if (response.body.kind !== 'single')
        throw new Error('incremental delivery is not used by the realtime server');
      const { data, errors } = response.body.singleResult;
      return {
        data: (data as Record<string, unknown> | null | undefined) ?? null,
        ...(errors ? { errors } : {}),
      };
    },
  };
}
