import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * `Server-Timing: total;dur=<ms>` on every answer of the scope: the time from the start of the request's handling
 * to its reply, as the server saw it. Browsers show it in their network panel; the hardening tests read it to
 * hold refusals to their time budget without counting the network.
 */
export function registerServerTiming(scope: FastifyInstance): void {
  const started = new WeakMap<FastifyRequest, bigint>();
  scope.addHook('onRequest', async (request) => {
    started.set(request, process.hrtime.bigint());
  });
  scope.addHook('onSend', async (request, reply) => {
    const t0 = started.get(request);
    if (t0 === undefined) return;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    void reply.header('server-timing', `total;dur=${ms.toFixed(2)}`);
  });
}
