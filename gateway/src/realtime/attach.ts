import type { ApolloServer } from '@apollo/server';
import type { RateLimiter } from '@polystatus/kit';
import {
  type Authenticator,
  clientAddress,
  graphqlHardening,
  parseTrustedProxies,
  type ServiceParts,
} from '@polystatus/kit';
import type { GatewayEnv } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import { graphqlLimitsOf } from '../http/graphql-limits.ts';
import { apolloExecutor } from './apollo-executor.ts';
import { loadRealtimeConfig, type RealtimeConfig } from './config.ts';
import type { RealtimeSchema } from './schema.ts';
import { type RealtimeServer, startRealtimeServer } from './server.ts';

/**
 * Adds graphql-ws to the gateway: same port, same `/graphql` path, same supergraph, same authenticator, and
 * hydration through the gateway's own Apollo server. Closes before the HTTP server drains, because open
 * sockets would otherwise hold the drain up.
 */
export async function attachRealtime(opts: {
  parts: ServiceParts;
  env: GatewayEnv;
  apollo: ApolloServer<GatewayContext>;
  authenticator: Authenticator;
  /** The per-client request bucket of `POST /graphql`: queries and mutations over the socket take from it too. */
  limiter?: RateLimiter;
  config?: RealtimeConfig;
  /** The client schema the gateway built (buildClientSchema): shared, not built a second time. */
  schema?: RealtimeSchema;
}): Promise<RealtimeServer> {
  const { parts, env } = opts;
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  const logger = parts.logger.child({ component: 'realtime' });
  const realtime = await startRealtimeServer({
    server: parts.app.server,
    supergraphSdl: env.SUPERGRAPH_SDL,
    ...(opts.schema ? { schema: opts.schema } : {}),
    authenticator: opts.authenticator,
    executor: apolloExecutor(opts.apollo, env.POLYSTATUS_INTERNAL_SECRET, logger),
    redis: {
      url: env.REDIS_URL,
      keyPrefix: env.REDIS_KEY_PREFIX,
      commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    },
    logger,
    metrics: parts.metrics,
    config: opts.config ?? loadRealtimeConfig(),
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    costLimits: { maxCost: env.GRAPHQL_MAX_COST, maxFields: env.GRAPHQL_MAX_FIELDS },
    hardening: graphqlHardening(graphqlLimitsOf(env)),
    operations: {
      clientOf: (request) =>
        clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted),
      ...(opts.limiter ? { limiter: opts.limiter } : {}),
    },
  });
  parts.app.addHook('preClose', async () => {
    await realtime.close();
  });
  return realtime;
}
