import { readFileSync } from 'node:fs';
import { createService, mountSubgraph } from '@polystatus/kit';
import type { CspEnv } from './config.ts';
import type { CspContext } from './context.ts';
import { cspKeys } from './keys.ts';
import { createLoaders } from './loaders.ts';
import { Poller } from './poller/poller.ts';
import { resolvers } from './resolvers/index.ts';
import type { CspDeps } from './service/deps.ts';
import { gatewayIncidents, type IncidentsGateway } from './service/incidents-gateway.ts';
import { seedCatalog } from './service/seed-catalog.ts';
import { DependencyStore } from './store/dependency-store.ts';
import { EventStore } from './store/event-store.ts';
import { LeaseStore } from './store/lease-store.ts';
import { LinkerStore } from './store/linker-store.ts';
import { ProviderStore } from './store/provider-store.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Test seams: the clock, the incidents gateway (a fake, or one pointed at a test gateway), the poller's id. */
export interface CspServiceOptions {
  clock?: () => number;
  incidents?: IncidentsGateway;
  pollerId?: string;
}

/** The csp subgraph and its poller as one service: used by main.ts, the tests and the demo. */
export async function buildCspService(env: CspEnv, opts: CspServiceOptions = {}) {
  let poller: Poller | null = null;
  let incidents: IncidentsGateway | null = null;
  let deps: CspDeps | null = null;
  const service = await createService(
    {
      name: 'csp',
      env,
      port: env.PORT,
      useRedis: true,
      onClose: [
        { name: 'poller', run: async () => poller?.stop() },
        { name: 'incidents-gateway', run: async () => incidents?.close() },
      ],
    },
    async (parts) => {
      const redis = parts.redis!;
      const keys = cspKeys(redis.keyPrefix);
      incidents =
        opts.incidents ??
        gatewayIncidents({
          url: env.GATEWAY_URL,
          timeoutMs: env.GATEWAY_TIMEOUT_MS,
          secret: env.POLYSTATUS_INTERNAL_SECRET,
        });
      deps = {
        providers: new ProviderStore(redis.client, keys),
        events: new EventStore(redis.client, keys, env.CSP_EVENT_STREAM_MAXLEN),
        leases: new LeaseStore(redis.client, keys),
        linker: new LinkerStore(redis.client, keys, env.CSP_EVENT_STREAM_MAXLEN),
        dependencies: new DependencyStore(redis.client, keys),
        incidents,
        fetch: {
          timeoutMs: env.CSP_FETCH_TIMEOUT_MS,
          maxBodyBytes: env.CSP_MAX_BODY_BYTES,
          retries: env.CSP_RETRIES,
          retryBaseMs: env.CSP_RETRY_BASE_MS,
          allowPrivate: env.POLYSTATUS_ALLOW_PRIVATE_NETWORK,
        },
        circuit: { threshold: env.CSP_CIRCUIT_THRESHOLD, cooldownMs: env.CSP_CIRCUIT_COOLDOWN_MS },
        defaultIntervalSeconds: env.CSP_DEFAULT_INTERVAL_SECONDS,
        clock: opts.clock ?? Date.now,
      };
      const ready = deps;
      await seedCatalog(ready, env.CSP_CATALOG, env.CSP_CATALOG_INTERVAL_SECONDS, parts.logger);
      const providerVerbs = { allowPrivateNetwork: env.POLYSTATUS_ALLOW_PRIVATE_NETWORK };
      await mountSubgraph<CspContext>({
        app: parts.app,
        typeDefs,
        resolvers,
        metrics: parts.metrics,
        logger: parts.logger,
        internalSecret: env.POLYSTATUS_INTERNAL_SECRET,
        maxDepth: env.GRAPHQL_MAX_DEPTH,
        landingPage: env.NODE_ENV === 'development',
        extendContext: (base) => ({ ...base, deps: ready, loaders: createLoaders(ready), providerVerbs }),
      });
      if (env.CSP_POLLING) {
        poller = new Poller(ready, {
          tickMs: env.CSP_TICK_MS,
          leaseTtlMs: env.CSP_LEASE_TTL_MS,
          jitter: env.CSP_JITTER,
          logger: parts.logger,
          ...(opts.pollerId ? { holder: opts.pollerId } : {}),
        });
        poller.start();
      }
    },
  );
  return {
    ...service,
    /** The running poller (null when CSP_POLLING is off), for tests that watch its leases. */
    get poller() {
      return poller;
    },
    get deps() {
      return deps!;
    },
  };
}

export type CspService = Awaited<ReturnType<typeof buildCspService>>;
