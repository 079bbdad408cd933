import type { FastifyInstance, FastifyReply } from 'fastify';
import { isFailure } from '../domain/evaluate.ts';
import type { FlagSnapshot } from '../snapshot/snapshot.ts';
import { bulkBody, bulkEtag, failureBody, outcomeBody, parseRequest } from './protocol.ts';

export const OFREP_SINGLE = '/ofrep/v1/evaluate/flags/:key';
export const OFREP_BULK = '/ofrep/v1/evaluate/flags';

/**
 * OFREP, served by this process from its snapshot (docs/decisions/0009-flag-evaluation-in-the-flags-process.md
 * says why not through the gateway). Public: evaluating needs no token, as the architecture says. Browsers call
 * it from other origins (OpenFeature's web provider polls the bulk route), so it answers CORS without
 * credentials and exposes the ETag.
 */
export function mountOfrep(app: FastifyInstance, snapshot: FlagSnapshot): void {
  void app.register(async (scope) => {
    // The raw text is kept: it is the bulk ETag's input, and a malformed body must be OFREP's PARSE_ERROR, not
    // the kit's error body.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    const json = (reply: FastifyReply, status: number, body: string) =>
      reply
        .status(status)
        .header('content-type', 'application/json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(body);

    scope.post<{ Params: { key: string }; Body: string | undefined }>(
      OFREP_SINGLE,
      async (request, reply) => {
        const key = request.params.key;
        const parsed = parseRequest(request.body);
        if (!parsed.ok) return json(reply, 400, failureBody(key, parsed.code, parsed.details));
        const outcome = snapshot.evaluate(key, parsed.context);
        if (outcome === null) return json(reply, 404, failureBody(key, 'FLAG_NOT_FOUND', `no flag ${key}`));
        return json(reply, isFailure(outcome) ? 400 : 200, outcomeBody(outcome));
      },
    );

    scope.post<{ Body: string | undefined }>(OFREP_BULK, async (request, reply) => {
      const etag = bulkEtag(snapshot.revision, request.body);
      void reply.header('etag', etag).header('access-control-expose-headers', 'ETag');
      if (request.headers['if-none-match'] === etag)
        return reply.status(304).header('access-control-allow-origin', '*').send();
      const parsed = parseRequest(request.body);
      if (!parsed.ok) return json(reply, 400, failureBody(null, parsed.code, parsed.details));
      return json(reply, 200, bulkBody(snapshot.evaluateAll(parsed.context)));
    });

    const preflight = async (_request: unknown, reply: FastifyReply) =>
      reply
        .status(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type, if-none-match')
        .header('access-control-max-age', '86400')
        .send();
    scope.options(OFREP_SINGLE, preflight);
    scope.options(OFREP_BULK, preflight);
  });
}
