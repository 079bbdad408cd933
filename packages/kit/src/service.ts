import type { FastifyInstance } from 'fastify';
import type { BaseEnv } from './env.ts';
import { processPartsCheck } from './host/part-failures.ts';
import { createHttpServer, type ReadinessCheck } from './http/server.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createRedis, type RedisHandle } from './redis.ts';
import type { ShutdownStep } from './shutdown.ts';

export interface ServiceParts {
  name: string;
  logger: Logger;
  metrics: Metrics;
  app: FastifyInstance;
  /** Present when the service asked for Redis. */
  redis?: RedisHandle;
}

export interface ServiceOptions {
  name: string;
  env: BaseEnv;
  port: number;
  /** Open the shared Redis connection and check it in /readyz. */
  useRedis?: boolean;
  readiness?: Record<string, ReadinessCheck>;
  /** Extra shutdown steps, run after the HTTP server has drained and before Redis closes. */
  onClose?: ShutdownStep[];
}

/**
 * Assembles a service: logger, metrics, Redis, the HTTP server with health routes. The caller mounts its routes
 * on `parts.app` in `setup`, then `listen` starts it. Signals and exit belong to whatever runs the service
 * (runMain, or the single-process host beside the other services), which calls `close` to drain.
 */
export async function createService(
  opts: ServiceOptions,
  setup: (parts: ServiceParts) => Promise<void>,
): Promise<{ parts: ServiceParts; listen: () => Promise<string>; close: () => Promise<void> }> {
  const logger = createLogger(opts.name, opts.env.LOG_LEVEL);
  const metrics = createMetrics(opts.name);
  const redis = opts.useRedis
    ? createRedis({
        url: opts.env.REDIS_URL,
        name: opts.name,
        keyPrefix: opts.env.REDIS_KEY_PREFIX,
        commandTimeoutMs: opts.env.REDIS_COMMAND_TIMEOUT_MS,
        logger,
      })
    : undefined;
  const readiness: Record<string, ReadinessCheck> = { ...(opts.readiness ?? {}) };
  if (redis) readiness.redis = () => redis.ping();
  readiness.process = processPartsCheck;
  const app = createHttpServer({ logger, metrics, bodyLimit: opts.env.BODY_LIMIT_BYTES, readiness });
  const parts: ServiceParts = { name: opts.name, logger, metrics, app, ...(redis ? { redis } : {}) };
  await setup(parts);

  const steps: ShutdownStep[] = [
    { name: 'http', run: () => app.close() },
    ...(opts.onClose ?? []),
    ...(redis ? [{ name: 'redis', run: () => redis.close() }] : []),
  ];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const s of steps)
      await s.run().catch((err) => logger.warn({ err, step: s.name }, 'close step failed'));
  };
  return {
    parts,
    close,
    async listen() {
      const address = await app.listen({ port: opts.port, host: opts.env.HOST });
      logger.info({ address }, `${opts.name} listening`);
      return address;
    },
  };
}
