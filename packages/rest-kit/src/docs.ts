import type { StaticDocumentSpec } from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { LoadedSpec } from './openapi/load.ts';

export const SWAGGER_FILE_ROUTE = '/swagger.yaml';
export const DOCS_ROUTE = '/docs';

/**
 * `GET /swagger.yaml` serves the file byte for byte; `GET /docs` renders it with Swagger UI. The UI's scripts and
 * styles come from the installed package, never a CDN, so the docs work on a machine with no internet access.
 * Static mode: the page shows the reviewed file, not a document regenerated from the routes.
 *
 * Swagger UI is loaded on the first request under /docs, not at start: @fastify/swagger-ui, @fastify/static and
 * what they bring cost every adapter process memory for a page few people open (docs/decisions/0011). Fastify
 * takes no plugins once listening, so the UI lives in a small Fastify instance of its own, built on first use, and
 * the adapter's /docs routes hand it each request (`inject`, in memory) and pass its answer back unchanged.
 */
export async function mountDocs(app: FastifyInstance, spec: LoadedSpec): Promise<void> {
  app.get(SWAGGER_FILE_ROUTE, async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(spec.source),
  );
  let ui: Promise<FastifyInstance> | undefined;
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    ui ??= docsApp(spec).catch((err) => {
      ui = undefined;
      throw err;
    });
    const answer = await (await ui).inject({
      method: 'GET',
      url: request.url,
      headers: request.headers,
    });
    // Unknown paths get the adapter's own 404, in its error model.
    if (answer.statusCode === 404) return reply.callNotFound();
    // The adapter's own server frames the answer (length, connection, date, compression).
    const {
      'content-length': _length,
      connection: _connection,
      date: _date,
      'transfer-encoding': _te,
      ...headers
    } = answer.headers;
    return reply.code(answer.statusCode).headers(headers).send(answer.rawPayload);
  };
  app.get(DOCS_ROUTE, forward);
  app.get(`${DOCS_ROUTE}/*`, forward);
  app.addHook('onClose', async () => {
    const built = await ui?.catch(() => undefined);
    await built?.close();
  });
}

async function docsApp(spec: LoadedSpec): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const app = Fastify({ logger: false });
  const specification: StaticDocumentSpec = {
    document: spec.document as unknown as StaticDocumentSpec['document'],
  };
  await app.register(swagger, { mode: 'static', specification });
  await app.register(swaggerUi, {
    routePrefix: DOCS_ROUTE,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  await app.ready();
  return app;
}
