import type { FastifyInstance } from 'fastify';

/**
 * Cross-origin access for browser clients on other origins (the dashboard on :3000, an internal playground).
 * Only listed origins get CORS headers; the API authenticates with bearer tokens, never cookies, so credentials
 * are not allowed and a listed origin gains nothing a script with a token would not have anyway. Preflights are
 * answered here, before rate limiting and authentication, since browsers send them without the Authorization
 * header.
 */
export function registerCors(app: FastifyInstance, allowed: ReadonlySet<string>): void {
  if (allowed.size === 0) return;
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    void reply.header('access-control-allow-origin', origin);
    void reply.header('vary', 'Origin');
    void reply.header('access-control-expose-headers', 'x-request-id, retry-after');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      void reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      void reply.header(
        'access-control-allow-headers',
        'authorization, content-type, x-request-id, apollo-require-preflight',
      );
      void reply.header('access-control-max-age', '600');
      return reply.status(204).send();
    }
  });
}

/** `CORS_ORIGINS`: comma-separated exact origins (`scheme://host[:port]`); empty: same-origin only. */
export function parseOrigins(value: string): Set<string> {
  const origins = new Set<string>();
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const url = new URL(entry);
    if (url.origin !== entry.replace(/\/$/, '')) throw new Error(`CORS_ORIGINS: ${entry} is not an origin`);
    origins.add(url.origin);
  }
  return origins;
}
