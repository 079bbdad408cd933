import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import {
  type Authenticator,
  clientAddress,
  createRedis,
  createService,
  DomainError,
  formatGraphQLError,
  type GraphQLLimits,
  graphqlHardening,
  graphqlMetricsPlugin,
  type Logger,
  type Principal,
  parseTrustedProxies,
  RateLimiter,
  REQUEST_ID_HEADER,
  type RedisHandle,
  refusalPlugin,
  type ServiceParts,
  StreamHeads,
  signIdentity,
} from '@polystatus/kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createGatewayAuthenticator, type GatewayAuthenticator } from './auth/gateway-authenticator.ts';
import { MAX_TRUST_MS, VerifiedSessions } from './auth/verified-sessions.ts';
import type { GatewayEnv } from './config.ts';
import type { GatewayContext } from './context.ts';
import { parseOrigins, registerCors } from './http/cors.ts';
import { budgetKeyOf, costBudgetPlugin } from './http/cost-budget.ts';
import { sendGraphQLError } from './http/graphql-error-reply.ts';
import { graphqlLimitsOf } from './http/graphql-limits.ts';
import { clientSchemaIntrospection } from './http/introspection.ts';
import { introspectionPolicyPlugin } from './http/introspection-policy.ts';
import { refuseBadShape } from './http/request-shape.ts';
import { registerServerTiming } from './http/server-timing.ts';
import { attachRealtime } from './realtime/attach.ts';
import { buildClientSchema } from './realtime/client-schema.ts';
import type { RealtimeConfig } from './realtime/config.ts';
import { domainEventStream } from './realtime/keys.ts';
import { type CacheNote, ResponseCache } from './response-cache/response-cache.ts';
import { VERSIONED_READS } from './response-cache/versioned-reads.ts';
import { SubgraphDataSource } from './subgraphs/data-source.ts';
import { SubgraphHttp } from './subgraphs/subgraph-http.ts';

export interface GatewayDeps {
  /** Replaces the users-service authenticator (tests inject a fake). */
  authenticator?: Authenticator;
  /** The realtime limits, read from the same environment as `env` (default: from process.env). */
  realtime?: RealtimeConfig;
}

export interface GatewayService {
  parts: ServiceParts;
  /** The Node server behind Fastify; the realtime server attaches graphql-ws to it, on the same port and path. */
  server: Server;
  apollo: ApolloServer<GatewayContext>;
  /** The authenticator /graphql uses, for the realtime server's `connection_init`. */
  authenticator: Authenticator;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The public GraphQL endpoint: executes queries and mutations over the static supergraph by calling the
 * subgraphs. Order of work per request, cheapest refusal first: rate limit (before the body is read),
 * authentication, the body's shape (no batches, bounded variables), then Apollo: parse within the token budget,
 * validate within the operation limits (gateway/README.md), introspection policy and cost budget, plan from
 * the cache, fetch.
 */
export async function buildGatewayService(env: GatewayEnv, deps: GatewayDeps = {}): Promise<GatewayService> {
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  // Built in setup, where the service's logger exists; closed with the service.
  let owned: GatewayAuthenticator | undefined;
  // Reads the domains' event streams: revocations (verified sessions) and what changed (response cache).
  let streamsRedis: RedisHandle | undefined;
  let responseCache: ResponseCache | undefined;
  let authenticator!: Authenticator;
  const limiter =
    env.RATE_LIMIT_PER_SECOND > 0
      ? new RateLimiter({ perSecond: env.RATE_LIMIT_PER_SECOND, burst: env.RATE_LIMIT_BURST })
      : undefined;
  const limits = graphqlLimitsOf(env);
  const hardening = graphqlHardening(limits);
  const costBudget =
    env.GRAPHQL_COST_PER_SECOND > 0
      ? new RateLimiter({ perSecond: env.GRAPHQL_COST_PER_SECOND, burst: env.GRAPHQL_COST_BURST })
      : undefined;
  // Built in setup, where the service's logger exists.
  let subgraphHttp!: SubgraphHttp;
  let apollo!: ApolloServer<GatewayContext>;

  const service = await createService(
    {
      name: 'gateway',
      env,
      port: env.PORT,
      onClose: [
        { name: 'subgraph-connections', run: async () => subgraphHttp?.close() },
        { name: 'authenticator', run: async () => owned?.close() },
        { name: 'event-streams', run: async () => streamsRedis?.close() },
      ],
    },
    async (parts) => {
      subgraphHttp = new SubgraphHttp({
        keepAlive: env.SUBGRAPH_KEEP_ALIVE,
        timeoutMs: env.SUBGRAPH_TIMEOUT_MS,
        logger: parts.logger,
      });
      owned = deps.authenticator
        ? undefined
        : createGatewayAuthenticator({
            usersServiceUrl: env.USERS_SERVICE_URL,
            internalSecret: env.POLYSTATUS_INTERNAL_SECRET,
            jwtFallback: env.AUTH_JWT_FALLBACK,
            logger: parts.logger,
          });
      const streams = () => {
        streamsRedis ??= createRedis({
          url: env.REDIS_URL,
          name: 'gateway-streams',
          keyPrefix: env.REDIS_KEY_PREFIX,
          commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
          logger: parts.logger,
        });
        return streamsRedis.client;
      };
      const streamOf = (domain: string) => domainEventStream(env.REDIS_KEY_PREFIX, domain);
      const usersStream = streamOf('users');
      const reuse = env.GATEWAY_RESPONSE_CACHE_MB > 0;
      // The newest entry of every stream a request needs, in one pipeline shared by authentication (revocations on
      // the users stream) and, with answer reuse, the response cache (every versioned domain's, users among them).
      const heads =
        owned || reuse
          ? new StreamHeads(streams(), [
              ...new Set([usersStream, ...(reuse ? Object.keys(VERSIONED_READS).map(streamOf) : [])]),
            ])
          : undefined;
      if (owned && heads) {
        // Introspection once per credential, then trusted until the users stream says otherwise (verified-sessions.ts).
        const usersAt = heads.streams.indexOf(usersStream);
        authenticator = new VerifiedSessions({
          inner: owned,
          redis: streams(),
          usersStream,
          newestId: async (since) => (await heads.read(since))[usersAt]!,
          logger: parts.logger,
        });
      } else {
        authenticator = deps.authenticator!;
      }
      // One client schema for introspection, the response cache and the realtime server.
      const client = buildClientSchema(env.SUPERGRAPH_SDL);
      const clientSchema = client.schema;
      if (reuse && heads) {
        const maxBytes = env.GATEWAY_RESPONSE_CACHE_MB * 1024 * 1024;
        responseCache = new ResponseCache({
          maxBytes,
          // One 500-incident list is about 250 KB uncompressed.
          maxEntryBytes: Math.min(maxBytes / 4, 4 * 1024 * 1024),
          schema: clientSchema,
          heads,
          streamOf,
          secret: env.POLYSTATUS_INTERNAL_SECRET,
          registry: parts.metrics.registry,
          logger: parts.logger,
        });
      }
      // Apollo Gateway reads this when constructed: unless told otherwise it reports the host's uptime, CPU and
      // memory to Apollo every hour. A self-hosted tool does not phone home unless its operator opts in.
      process.env.APOLLO_TELEMETRY_DISABLED = String(env.APOLLO_TELEMETRY_DISABLED);
      const gateway = new ApolloGateway({
        supergraphSdl: env.SUPERGRAPH_SDL,
        logger: parts.logger,
        buildService: ({ name, url }) =>
          new SubgraphDataSource({
            url: env.SUBGRAPH_URLS[name] ?? url,
            fetcher: subgraphHttp.fetcherFor(name),
          }),
      });
      apollo = new ApolloServer<GatewayContext>({
        gateway,
        parseOptions: hardening.parseOptions,
        validationOptions: hardening.validationOptions,
        validationRules: hardening.validationRules,
        formatError: formatGraphQLError(parts.logger),
        includeStacktraceInErrorResponses: false,
        plugins: [
          ApolloServerPluginInlineTraceDisabled(),
          ...(env.NODE_ENV === 'development' ? [] : [ApolloServerPluginLandingPageDisabled()]),
          fastifyApolloDrainPlugin(parts.app),
          graphqlMetricsPlugin<GatewayContext>(parts.metrics),
          refusalPlugin<GatewayContext>(),
          // Both refuse in didResolveOperation, before any plugin answers or executes the operation.
          introspectionPolicyPlugin(env.GRAPHQL_INTROSPECTION),
          ...(costBudget ? [costBudgetPlugin(costBudget)] : []),
          ...(responseCache ? [responseCache.plugin()] : []),
          // Introspection answered from the client schema (API plus subscriptions), once the checks above passed.
          clientSchemaIntrospection<GatewayContext>(clientSchema),
        ],
      });
      await apollo.start();
      registerCors(parts.app, parseOrigins(env.CORS_ORIGINS));
      await parts.app.register((scope) =>
        mountGraphQL(scope, {
          apollo,
          authenticator,
          limiter,
          limits,
          responseCache,
          costBudget,
          clientOf: (request) =>
            clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted),
          internalSecret: env.POLYSTATUS_INTERNAL_SECRET,
        }),
      );
      // Subscriptions: graphql-ws on the same port and path (gateway/src/realtime/README.md).
      await attachRealtime({
        parts,
        env,
        apollo,
        authenticator,
        limiter,
        config: deps.realtime,
        schema: client,
      });
    },
  );
  return {
    ...service,
    server: service.parts.app.server,
    apollo,
    authenticator,
    // Apollo stops (and the gateway with it) when the HTTP server drains, through the drain plugin.
    close: service.close,
  };
}

interface MountOptions {
  apollo: ApolloServer<GatewayContext>;
  authenticator: Authenticator;
  limiter: RateLimiter | undefined;
  limits: GraphQLLimits;
  responseCache: ResponseCache | undefined;
  costBudget: RateLimiter | undefined;
  clientOf: (request: FastifyRequest) => string;
  internalSecret: string;
}

/**
 * `/graphql` in its own Fastify scope, so the limiter and authentication hooks cover it and nothing else
 * (health checks and metrics stay free and anonymous).
 */
async function mountGraphQL(scope: FastifyInstance, opts: MountOptions): Promise<void> {
  const principals = new WeakMap<FastifyRequest, Principal>();
  /** When each request arrived (performance.now()): a stream read sent since then is fresh enough for it. */
  const arrivals = new WeakMap<FastifyRequest, number>();
  const notes = new WeakMap<FastifyRequest, CacheNote>();
  const { responseCache: cache, costBudget } = opts;
  registerServerTiming(scope);

  scope.addHook('onRequest', async (request, reply) => {
    const arrivedAt = performance.now();
    arrivals.set(request, arrivedAt);
    const client = opts.clientOf(request);
    const decision = opts.limiter?.take(client);
    if (decision && !decision.allowed) {
      return sendGraphQLError(
        reply,
        new DomainError('RATE_LIMITED', 'too many requests; slow down', {
          retryAfter: decision.retryAfterSeconds,
        }),
      );
    }
    try {
      const principal = await opts.authenticator.authenticate(request.headers.authorization, arrivedAt);
      principals.set(request, client ? { ...principal, ip: client } : principal);
    } catch (err) {
      if (err instanceof DomainError) return sendGraphQLError(reply, err);
      throw err;
    }
  });
  scope.addHook('preHandler', async (request, reply) => refuseBadShape(request, reply, opts.limits));
  if (cache) {
    // After the refusals above, so a reused answer passed every check a computed one would have.
    scope.addHook('preHandler', async (request, reply) => {
      const principal = principals.get(request)!;
      const key = cache.keyOf(request, principal);
      if (key === undefined) return;
      // A REST adapter may reuse the answer on its own until then (response-cache.ts `sendTerms`).
      const until = Math.min(principal.expiresAt ?? Number.POSITIVE_INFINITY, Date.now() + MAX_TRUST_MS);
      const found = await cache.lookup(key, until, arrivals.get(request));
      if (!found) return;
      if ('note' in found) {
        notes.set(request, found.note);
        return;
      }
      const { entry, heads } = found;
      const budgetKey = costBudget && budgetKeyOf(principal);
      const decision = budgetKey ? costBudget.take(budgetKey, entry.cost) : undefined;
      if (decision && !decision.allowed) {
        return sendGraphQLError(
          reply,
          new DomainError('RATE_LIMITED', 'cost budget spent; slow down', {
            retryAfter: decision.retryAfterSeconds,
          }),
        );
      }
      return cache.send(request, reply, entry, heads, until);
    });
    // Scope hooks run after the app's, so the payload is final here (compressed when the client accepts it).
    scope.addHook('onSend', async (request, reply, payload) => {
      const note = notes.get(request);
      if (note) cache.remember(note, reply, payload);
      return payload;
    });
    scope.addHook('onResponse', async (request) => {
      const note = notes.get(request);
      if (note) cache.settle(note);
    });
  }

  await scope.register(fastifyApollo(opts.apollo), {
    path: '/graphql',
    context: async (request): Promise<GatewayContext> => {
      const principal = principals.get(request)!;
      return {
        principal,
        requestId: request.id,
        log: request.log as unknown as Logger,
        identity: signIdentity(principal, opts.internalSecret),
        forwardedHeaders: { [REQUEST_ID_HEADER]: request.id },
        responseCache: notes.get(request),
      };
    },
  });
}
