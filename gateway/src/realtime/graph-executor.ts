import type { Principal } from '@polystatus/kit';
import type { GraphQLFormattedError } from 'graphql';

/** A GraphQL response as the gateway sends it. */
export interface GraphResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * How the realtime server reaches the federated graph: hydration, timeline replay and the queries and mutations
 * clients send over the socket all go through the gateway, as a given principal, so every subgraph's access
 * rules apply exactly as they do over HTTP.
 */
export interface GraphExecutor {
  execute(
    query: string,
    variables: Record<string, unknown>,
    principal: Principal,
    /** Which operation of a document holding several; hydration and replay send one. */
    operationName?: string | null,
  ): Promise<GraphResult>;
}
