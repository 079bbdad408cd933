import { readFileSync } from 'node:fs';
import {
  createService,
  GatewayClient,
  keyEncryptionSecret,
  mountSubgraph,
  serviceAuthorization,
} from '@polystatus/kit';
import type { CommsEnv } from './config.ts';
import type { CommsContext } from './context.ts';
import { type IdGenerator, newId } from './domain/id.ts';
import { IncidentConsumer } from './incidents/incident-consumer.ts';
import { GatewayIncidentReader, type IncidentReader } from './incidents/incident-reader.ts';
import { commsKeys } from './keys.ts';
import { createLoaders } from './loaders.ts';
import { startNotifications } from './notify/notify-runtime.ts';
import { commsReadModel } from './notify/service/comms-read-model.ts';
import { PublicPage } from './public/public-page.ts';
import { PublicStateStore } from './public/public-state.ts';
import { resolvers } from './resolvers/index.ts';
import type { CommsDeps } from './service/deps.ts';
import { MaintenanceScheduler } from './service/maintenance-scheduler.ts';
import { CommsStore } from './store/comms-store.ts';
import { ManualBannerStore } from './store/manual-banner-store.ts';

export const typeDefs = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** Test seams: the clock, the id generator and where incidents are read from (default: the gateway). */
export interface CommsServiceOptions {
  clock?: () => number;
  newId?: IdGenerator;
  incidents?: IncidentReader;
}

/** A background job the service starts with itself and stops, in reverse order, before Redis closes. */
interface Job {
  name: string;
  stop(): Promise<void>;
}

/**
 * The comms subgraph as a service: used by main.ts, the tests and the benchmark. Besides GraphQL it runs the
 * incidents consumer (incident events → the public page), the maintenance scheduler (one replica, by lease) and
 * the public page's renderer; see README.md.
 */
export async function buildCommsService(env: CommsEnv, opts: CommsServiceOptions = {}) {
  const jobs: Job[] = [];
  let gateway: GatewayClient | undefined;
  const service = await createService(
    {
      name: 'comms',
      env,
      port: env.PORT,
      useRedis: true,
      onClose: [
        {
          name: 'jobs',
          run: async () => {
            for (const job of jobs.reverse()) await job.stop();
          },
        },
        { name: 'gateway', run: async () => gateway?.close() },
      ],
    },
    async (parts) => {
      const redis = parts.redis!;
      const keys = commsKeys(redis.keyPrefix);
      const clock = opts.clock ?? Date.now;
      const store = new CommsStore(redis.client, keys, { eventStreamMaxLen: env.COMMS_EVENT_STREAM_MAXLEN });
      // The gateway is called lazily (first incident read), never at start: it waits for this subgraph.
      gateway = new GatewayClient({
        url: env.GATEWAY_URL,
        timeoutMs: env.GATEWAY_TIMEOUT_MS,
        connections: 4,
      });
      const incidents =
        opts.incidents ??
        new GatewayIncidentReader(
          gateway,
          serviceAuthorization('comms', 'viewer', env.POLYSTATUS_INTERNAL_SECRET),
          parts.logger,
        );
      const publicPage = new PublicPage(
        new PublicStateStore(redis.client, keys, { eventStreamMaxLen: env.COMMS_EVENT_STREAM_MAXLEN }),
        {
          pageName: env.COMMS_PAGE_NAME,
          pageUrl: env.COMMS_PAGE_URL,
          recentResolvedMs: env.COMMS_RECENT_RESOLVED_HOURS * 3600_000,
          bannerResolvedMs: env.COMMS_BANNER_RESOLVED_SECONDS * 1000,
        },
        clock,
        parts.logger,
        env.COMMS_RENDER_INTERVAL_MS,
      );
      const notifications = startNotifications({
        settings: { ...env, NOTIFY_RETRY_SCHEDULE_MS: env.NOTIFY_RETRY_SCHEDULE },
        redis: redis.client,
        keys,
        encryptionSecret: keyEncryptionSecret(env),
        read: commsReadModel(store, { id: 'polystatus', name: env.COMMS_PAGE_NAME }),
        logger: parts.logger,
        clock,
      });
      jobs.push({ name: 'notifications', stop: () => notifications.stop() });
      const deps: CommsDeps = {
        store,
        incidents,
        publicPage,
        banner: new ManualBannerStore(redis.client, keys, {
          eventStreamMaxLen: env.COMMS_EVENT_STREAM_MAXLEN,
        }),
        newId: opts.newId ?? newId,
        clock,
        notify: notifications.deps,
      };

      const consumer = new IncidentConsumer(redis, deps, parts.logger, env);
      jobs.push({ name: 'incidents-consumer', stop: () => consumer.stop() });
      const scheduler = new MaintenanceScheduler(redis.client, deps, parts.logger, {
        intervalMs: env.COMMS_SCHEDULER_INTERVAL_MS,
        reminderLeadMs: env.COMMS_MAINTENANCE_REMINDER_MINUTES * 60_000,
      });
      jobs.push({ name: 'maintenance-scheduler', stop: () => scheduler.stop() });
      jobs.push({ name: 'public-page', stop: () => publicPage.stop() });

      // notifications (src/notify): started above, with the deps; their stop is on `jobs`.

      await mountSubgraph<CommsContext>({
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

      consumer.start();
      scheduler.start();
      // A first rendering, so a fresh install (or one whose snapshot was lost) publishes its page at once.
      void publicPage.requestRender();
    },
  );
  return service;
}

export type CommsService = Awaited<ReturnType<typeof buildCommsService>>;
