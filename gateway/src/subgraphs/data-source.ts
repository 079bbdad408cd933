import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { IDENTITY_HEADER } from '@polystatus/kit';
import type { GatewayContext } from '../context.ts';

/**
 * How the gateway calls a subgraph. The outgoing request starts with no client headers at all; this adds the
 * allowlisted ones and the signed identity. The client's Authorization never leaves the gateway: subgraphs trust
 * only `x-ps-identity`, which a client cannot forge without the internal secret.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    // Apollo also calls data sources outside client requests (health checks), with an empty context.
    if (!headers || !context?.identity) return;
    for (const [name, value] of Object.entries<string>(context.forwardedHeaders)) headers.set(name, value);
    headers.set(IDENTITY_HEADER, context.identity);
  }
}
