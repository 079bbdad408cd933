import swagger, { type StaticDocumentSpec } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { LoadedSpec } from './openapi/load.ts';

export const SWAGGER_FILE_ROUTE = '/swagger.yaml';
export const DOCS_ROUTE = '/docs';

/**
 * `GET /swagger.yaml` serves the file byte for byte; `GET /docs` renders it with Swagger UI. The UI's scripts and
 * styles come from the installed package, never a CDN, so the docs work on a machine with no internet access.
 * Static mode: the page shows the reviewed file, not a document regenerated from the routes.
 */
export async function mountDocs(app: FastifyInstance, spec: LoadedSpec): Promise<void> {
  app.get(SWAGGER_FILE_ROUTE, async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(spec.source),
  );
  const specification: StaticDocumentSpec = {
    document: spec.document as unknown as StaticDocumentSpec['document'],
  };
  await app.register(swagger, { mode: 'static', specification });
  await app.register(swaggerUi, {
    routePrefix: DOCS_ROUTE,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}
