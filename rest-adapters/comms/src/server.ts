import { fileURLToPath } from 'node:url';
import { createLogger } from '@polystatus/kit';
import { createRestAdapterService } from '@polystatus/rest-kit';
import type { CommsRestEnv } from './config.ts';
import { commsHandlers } from './handlers/index.ts';
import { acceptOneClickForms } from './handlers/notify-handlers.ts';
import { BannerStream } from './public/banner-stream.ts';
import { SnapshotCache } from './public/snapshot-cache.ts';
import { SnapshotFollower } from './public/snapshot-follower.ts';

/** The project's comms contract, the single source of this adapter's routes and validation. */
/** How long shutdown waits for in-flight responses before cutting the connections still open. */
const CLOSE_GRACE_MS = 2_000;

export const COMMS_SWAGGER = fileURLToPath(new URL('../../../swaggers/comms.yaml', import.meta.url));

/**
 * The comms REST adapter, which is also the public read path: the public documents are served from a snapshot
 * held in memory and kept current by a follower of the comms subgraph's published snapshot (see
 * docs/decisions/0009-public-read-path.md). The announcement route goes through the gateway like every adapter.
 */
export async function buildCommsRestService(env: CommsRestEnv) {
  const cache = new SnapshotCache();
  const follower = new SnapshotFollower(cache, {
    redisUrl: env.REDIS_URL,
    keyPrefix: env.REDIS_KEY_PREFIX,
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    logger: createLogger('rest-comms', env.LOG_LEVEL),
  });
  const bannerStream = new BannerStream(cache, {
    maxConnections: env.COMMS_BANNER_STREAM_MAX,
    maxPerAddress: env.COMMS_BANNER_STREAM_MAX_PER_ADDRESS,
  });
  const adapter = await createRestAdapterService({
    name: 'rest-comms',
    env,
    swaggerPath: COMMS_SWAGGER,
    handlers: commsHandlers(cache, bannerStream),
  });
  bannerStream.instrument(adapter.parts.metrics.registry);
  acceptOneClickForms(adapter.parts.app);
  follower.start();
  return {
    ...adapter,
    cache,
    follower,
    bannerStream,
    async close() {
      // Live streams are in-flight responses: the server waits for them to end before it closes. A socket
      // whose client vanished mid-stream can stay counted by Node after its response was destroyed (seen with
      // undici clients), so whatever is left after a short grace is cut rather than holding shutdown forever.
      bannerStream.close();
      const cut = setTimeout(() => adapter.parts.app.server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await adapter.close();
      } finally {
        clearTimeout(cut);
      }
      await follower.stop();
    },
  };
}

export type CommsRestService = Awaited<ReturnType<typeof buildCommsRestService>>;
