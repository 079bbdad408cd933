import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { DomainError, toErrorBody } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { registerCompression } from './compression.ts';
import { errorHandler } from './error-handler.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';

export type ReadinessCheck = () => Promise<void>;

/**
 * Routes that orchestrators, the launcher and Prometheus call every few seconds: a line per answer would bury
 * everything else, so their successes are logged at debug and only their failures at warn or error.
 */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  bodyLimit: number;
  /** Named dependency checks for /readyz; each must settle quickly (they run in parallel). */
  readiness?: Record<string, ReadinessCheck>;
  /**
   * Idle keep-alive time for inbound connections. It must exceed the callers' idle timeout (the gateway's agent
   * keeps sockets 30 s), or the server closes a socket the caller is about to reuse and a request fails with
   * ECONNRESET.
   */
  keepAliveTimeoutMs?: number;
}

/**
 * A Fastify instance with what every PolyStatus service shares: request ids, the error model, body limits,
 * response compression, /healthz, /readyz, /metrics, and per-route metrics.
 */
export function createHttpServer(opts: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: opts.logger,
    bodyLimit: opts.bodyLimit,
    genReqId: (req) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    keepAliveTimeout: opts.keepAliveTimeoutMs ?? 65_000,
    // In-flight requests finish on close; idle keep-alive sockets are closed so shutdown does not hang.
    forceCloseConnections: 'idle',
    // One access-log line per request comes from the onResponse hook below (with the route pattern), so
    // Fastify's own pair of request lines is switched off.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    ajv: {
      customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: true },
    },
  }) as unknown as FastifyInstance;

  app.setErrorHandler(errorHandler);
  // br/gzip for large answers when the client accepts it (internal callers send no Accept-Encoding).
  registerCompression(app);
  app.setNotFoundHandler((request, reply) => {
    const err = new DomainError('NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`);
    void reply.status(404).send(toErrorBody(err, request.id));
  });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    opts.metrics.httpRequests.inc(labels);
    opts.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    const level =
      reply.statusCode >= 500
        ? 'error'
        : PROBES.has(route)
          ? reply.statusCode >= 400
            ? 'warn'
            : 'debug'
          : 'info';
    request.log[level](
      { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const entries = Object.entries(opts.readiness ?? {});
    const results = await Promise.allSettled(entries.map(([, check]) => check()));
    const checks: Record<string, string> = {};
    let ok = true;
    results.forEach((r, i) => {
      const name = entries[i]![0];
      if (r.status === 'fulfilled') checks[name] = 'ok';
      else {
        ok = false;
        checks[name] = r.reason instanceof Error ? r.reason.message : 'failed';
      }
    });
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
  });
  app.get('/metrics', async (_request, reply) => {
    void reply.header('content-type', opts.metrics.registry.contentType);
    return opts.metrics.registry.metrics();
  });
  return app;
}
