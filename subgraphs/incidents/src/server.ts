import { readFileSync } from 'node:fs';
import { createService, mountSubgraph } from '@polystatus/kit';
import type { IncidentsEnv } from './config.ts';
import type { IncidentsContext } from './context.ts';
import { type IdGenerator, newActionItemId, newIncidentId } from './domain/id.ts';
import { incidentsKeys } from './keys.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import type { IncidentsDeps } from './service/deps.ts';
import { ActionItemStore } from './store/action-item-store.ts';
import { IncidentStore } from './store/incident-store.ts';
import { UserDirectory } from './store/user-directory.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Test seams: deterministic id generators (to force collisions) and clock. */
export interface IncidentsServiceOptions {
  newId?: IdGenerator;
  newActionItemId?: IdGenerator;
  clock?: () => number;
}

/** The incidents subgraph as a service: used by main.ts, the tests and the benchmark. */
export function buildIncidentsService(env: IncidentsEnv, opts: IncidentsServiceOptions = {}) {
  return createService({ name: 'incidents', env, port: env.PORT, useRedis: true }, async (parts) => {
    const redis = parts.redis!;
    const keys = incidentsKeys(redis.keyPrefix);
    const store = new IncidentStore(redis.client, keys, {
      eventStreamMaxLen: env.INCIDENTS_EVENT_STREAM_MAXLEN,
      listScanBudget: env.INCIDENTS_LIST_SCAN_BUDGET,
    });
    const actionItems = new ActionItemStore(redis.client, keys, env.INCIDENTS_LIST_SCAN_BUDGET);
    const deps: IncidentsDeps = {
      store,
      actionItems,
      newActionItemId: opts.newActionItemId ?? (() => newActionItemId()),
      users: new UserDirectory(redis.client, keys),
      newId: opts.newId ?? (() => newIncidentId()),
      clock: opts.clock ?? Date.now,
    };
    await mountSubgraph<IncidentsContext>({
      app: parts.app,
      typeDefs,
      resolvers,
      metrics: parts.metrics,
      logger: parts.logger,
      internalSecret: env.POLYSTATUS_INTERNAL_SECRET,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      landingPage: env.NODE_ENV === 'development',
      extendContext: (base) => ({ ...base, deps, loaders: createLoaders(store, actionItems) }),
    });
  });
}

export type IncidentsService = Awaited<ReturnType<typeof buildIncidentsService>>;
