import { readFileSync } from 'node:fs';
import { createRedis, createService, mountSubgraph } from '@polystatus/kit';
import type { FlagsEnv } from './config.ts';
import type { FlagsContext } from './context.ts';
import { flagsKeys } from './keys.ts';
import { createLoaders } from './loaders.ts';
import { mountOfrep } from './ofrep/routes.ts';
import { resolvers } from './resolvers/index.ts';
import type { FlagsDeps } from './service/deps.ts';
import { gatewayTimeline, type IncidentTimeline } from './service/incident-timeline.ts';
import { SnapshotFollower } from './snapshot/follower.ts';
import { FlagSnapshot } from './snapshot/snapshot.ts';
import { FlagStore } from './store/flag-store.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Test seams: a clock, and an incident timeline that fails or records instead of calling the gateway. */
export interface FlagsServiceOptions {
  clock?: () => number;
  timeline?: IncidentTimeline;
}

/**
 * The flags subgraph as a service: the GraphQL subgraph, plus OFREP on the same HTTP server, both answering
 * evaluations from one in-memory snapshot that is loaded before the service listens and followed from the
 * flags event stream afterwards.
 */
export async function buildFlagsService(env: FlagsEnv, opts: FlagsServiceOptions = {}) {
  const snapshot = new FlagSnapshot();
  let follower: SnapshotFollower | null = null;
  let gateway: ReturnType<typeof gatewayTimeline> | null = null;
  const service = await createService(
    {
      name: 'flags',
      env,
      port: env.PORT,
      useRedis: true,
      onClose: [
        { name: 'snapshot follower', run: async () => follower?.stop() },
        { name: 'gateway client', run: async () => gateway?.close() },
      ],
    },
    async (parts) => {
      const redis = parts.redis!;
      const keys = flagsKeys(redis.keyPrefix);
      const store = new FlagStore(redis.client, keys, env.FLAGS_EVENT_STREAM_MAXLEN);
      const blocking = createRedis({
        url: env.REDIS_URL,
        name: 'flags-snapshot',
        keyPrefix: redis.keyPrefix,
        commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
        logger: parts.logger,
        blocking: true,
      });
      follower = new SnapshotFollower(snapshot, store, blocking.client, keys.events, parts.logger);
      await follower.load();
      follower.start();
      gateway = gatewayTimeline({
        gatewayUrl: env.GATEWAY_URL,
        internalSecret: env.POLYSTATUS_INTERNAL_SECRET,
        timeoutMs: env.FLAGS_TIMELINE_TIMEOUT_MS,
        logger: parts.logger,
      });
      const deps: FlagsDeps = {
        store,
        snapshot,
        timeline: opts.timeline ?? gateway,
        clock: opts.clock ?? Date.now,
      };
      mountOfrep(parts.app, snapshot);
      await mountSubgraph<FlagsContext>({
        app: parts.app,
        typeDefs,
        resolvers,
        metrics: parts.metrics,
        logger: parts.logger,
        internalSecret: env.POLYSTATUS_INTERNAL_SECRET,
        maxDepth: env.GRAPHQL_MAX_DEPTH,
        landingPage: env.NODE_ENV === 'development',
        extendContext: (base) => ({ ...base, deps, loaders: createLoaders(store) }),
      });
    },
  );
  return { ...service, snapshot };
}

export type FlagsService = Awaited<ReturnType<typeof buildFlagsService>>;
