import { describe, expect, it } from 'vitest';
import { parseSpec } from './load.ts';
import { toFastifyPath } from './operations.ts';
import { resolveRefs } from './resolve-refs.ts';
import type { OpenApiDocument } from './types.ts';

const doc = (paths: string, components = '') => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
${paths}
${components}`;

const WIDGETS = doc(
  `  /widgets/{id}:
    parameters:
      - { in: path, name: id, required: true, schema: { type: string } }
    get:
      operationId: getWidget
      parameters:
        - { in: query, name: verbose, schema: { type: boolean } }
        - { in: header, name: X-Tenant, required: true, schema: { type: string } }
      responses:
        '200':
          description: ok
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { $ref: '#/components/schemas/Widget' } } }
        '404': { description: missing }
    put:
      operationId: putWidget
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/WidgetInput' } } }
      responses:
        '204': { description: stored }
        '201': { description: created }
        default: { description: error }`,
  `components:
  schemas:
    Widget:
      type: object
      properties: { id: { type: string, readOnly: true }, owner: { type: string, nullable: true } }
    WidgetInput:
      allOf: [{ $ref: '#/components/schemas/Widget' }]`,
);

describe('listOperations', () => {
  const spec = parseSpec(WIDGETS);
  const get = spec.operations.find((o) => o.operationId === 'getWidget')!;
  const put = spec.operations.find((o) => o.operationId === 'putWidget')!;

  it('lists one operation per path and method, with the Fastify path', () => {
    expect(spec.operations.map((o) => `${o.method} ${o.url} ${o.operationId}`)).toEqual([
      'GET /widgets/:id getWidget',
      'PUT /widgets/:id putWidget',
    ]);
    expect(toFastifyPath('/a/{x}/b/{y}')).toBe('/a/:x/b/:y');
  });

  it('builds params (path-level parameters inherited), querystring and lower-cased header schemas', () => {
    expect(get.schema.params).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
    expect(get.schema.querystring).toEqual({ type: 'object', properties: { verbose: { type: 'boolean' } } });
    expect(get.schema.headers).toEqual({
      type: 'object',
      properties: { 'x-tenant': { type: 'string' } },
      required: ['x-tenant'],
    });
    expect(get.schema.body).toBeUndefined();
  });

  it('inlines $refs and converts bodies in the request direction, responses in the response one', () => {
    expect(put.schema.body).toEqual({
      allOf: [{ type: 'object', properties: { owner: { type: ['string', 'null'] } } }],
    });
    expect(put.bodyRequired).toBe(true);
    expect(get.responses.get(200)?.schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, owner: { type: ['string', 'null'] } },
    });
  });

  it('takes the lowest documented 2xx as the default status and records documented headers', () => {
    expect(get.successStatus).toBe(200);
    expect(put.successStatus).toBe(201);
    expect([...put.responses.keys()].sort()).toEqual([201, 204]);
    expect(get.responses.get(200)?.headers).toEqual(new Set(['etag']));
  });

  it.each([
    [
      'a missing operationId',
      doc(`  /a:\n    get:\n      responses: { '200': { description: ok } }`),
      'needs an operationId',
    ],
    [
      'a repeated operationId',
      doc(
        `  /a:\n    get:\n      operationId: x\n      responses: { '200': { description: ok } }\n  /b:\n    get:\n      operationId: x\n      responses: { '200': { description: ok } }`,
      ),
      'operationId "x" is used twice',
    ],
    [
      'a path template without its parameter',
      doc(`  /a/{id}:\n    get:\n      operationId: x\n      responses: { '200': { description: ok } }`),
      'path parameter(s) id not declared',
    ],
    [
      'no 2xx response',
      doc(`  /a:\n    get:\n      operationId: x\n      responses: { '404': { description: no } }`),
      'no 2xx response documented',
    ],
    [
      'a non-JSON body',
      doc(
        `  /a:\n    post:\n      operationId: x\n      requestBody: { content: { text/plain: { schema: { type: string } } } }\n      responses: { '200': { description: ok } }`,
      ),
      'request bodies must be application/json only',
    ],
    [
      'a Swagger 2 file',
      'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}',
      'expected an OpenAPI 3.0.x document',
    ],
  ])('refuses %s', (_name, source, message) => {
    expect(() => parseSpec(source, 'test.yaml')).toThrow(message);
  });
});

describe('resolveRefs', () => {
  const base = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };

  it('refuses a reference cycle instead of looping', () => {
    const cyclic = {
      ...base,
      components: {
        schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } },
      },
    } as unknown as OpenApiDocument;
    expect(() => resolveRefs(cyclic)).toThrow('cyclic $ref');
  });

  it('refuses a dangling or remote reference', () => {
    const dangling = { ...base, components: { schemas: { A: { $ref: '#/components/schemas/B' } } } };
    expect(() => resolveRefs(dangling as unknown as OpenApiDocument)).toThrow('unresolvable $ref');
    const remote = { ...base, components: { schemas: { A: { $ref: 'other.yaml#/B' } } } };
    expect(() => resolveRefs(remote as unknown as OpenApiDocument)).toThrow('only local $refs');
  });

  it('resolves the same reference twice in sibling positions (shared, not cyclic)', () => {
    const shared = {
      ...base,
      components: {
        schemas: {
          Id: { type: 'string' },
          Pair: {
            type: 'object',
            properties: { a: { $ref: '#/components/schemas/Id' }, b: { $ref: '#/components/schemas/Id' } },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const pair = (resolveRefs(shared).components!.schemas as Record<string, { properties: unknown }>).Pair!;
    expect(pair.properties).toEqual({ a: { type: 'string' }, b: { type: 'string' } });
  });
});
