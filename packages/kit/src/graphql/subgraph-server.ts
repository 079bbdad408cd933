import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError, parse } from 'graphql';
import { IDENTITY_HEADER, verifyIdentity } from '../auth/identity-header.ts';
import type { Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { depthLimit } from './depth-limit.ts';
import { formatGraphQLError } from './format-error.ts';
import { graphqlMetricsPlugin } from './metrics-plugin.ts';

/** What every subgraph resolver can count on finding in its context. */
export interface BaseGraphQLContext extends BaseContext {
  principal: Principal;
  requestId: string;
  log: Logger;
}

export interface SubgraphOptions<C extends BaseGraphQLContext> {
  app: FastifyInstance;
  typeDefs: string;
  // biome-ignore lint/suspicious/noExplicitAny: resolver maps are heterogeneous by nature
  resolvers: GraphQLResolverMap<any>;
  metrics: Metrics;
  logger: Logger;
  internalSecret: string;
  /** Adds the domain's per-request pieces (DataLoaders, services) to the base context. */
  extendContext: (base: BaseGraphQLContext, request: FastifyRequest) => C;
  maxDepth?: number;
  /** The playground/landing page is for development only. */
  landingPage?: boolean;
  /**
   * Keep Apollo's cache-control plugin, for a subgraph whose schema declares `@cacheControl` hints. Off by default:
   * without hints the plugin still wraps every field resolver to compute a policy nobody reads, which measured
   * 7–8% of the incidents subgraph's CPU on a 500-incident list (docs/performance.md).
   */
  cacheHints?: boolean;
}

/**
 * Builds a federation subgraph and mounts it at POST/GET /graphql on the service's Fastify app. The principal
 * comes only from the gateway-signed identity header; a forged or expired one is refused with 401.
 */
export async function mountSubgraph<C extends BaseGraphQLContext>(
  opts: SubgraphOptions<C>,
): Promise<ApolloServer<C>> {
  const schema = buildSubgraphSchema({ typeDefs: parse(opts.typeDefs), resolvers: opts.resolvers });
  const apollo = new ApolloServer<C>({
    schema,
    // Query plans and parsed documents are cached by the server; the depth limit runs once per new document.
    validationRules: [depthLimit(opts.maxDepth ?? 12)],
    formatError: formatGraphQLError(opts.logger),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ...(opts.cacheHints ? [] : [ApolloServerPluginCacheControlDisabled()]),
      ...(opts.landingPage ? [] : [ApolloServerPluginLandingPageDisabled()]),
      fastifyApolloDrainPlugin(opts.app),
      graphqlMetricsPlugin<C>(opts.metrics),
    ],
  });
  await apollo.start();
  await opts.app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      const identity = verifyIdentity(request.headers[IDENTITY_HEADER], opts.internalSecret);
      if (!identity.ok) {
        throw new GraphQLError(identity.reason, {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      const base: BaseGraphQLContext = {
        principal: identity.principal,
        requestId: request.id,
        log: request.log as unknown as Logger,
      };
      return opts.extendContext(base, request);
    },
  });
  return apollo;
}
