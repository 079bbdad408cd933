import { toJsonSchema } from './json-schema.ts';
import {
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type ParameterObject,
  type SchemaObject,
} from './types.ts';

const JSON_MEDIA = 'application/json';

export interface DocumentedResponse {
  /** Header names the response may carry, lower-cased. */
  headers: Set<string>;
  /** The JSON body's schema (response direction), when the response documents one. */
  schema?: SchemaObject;
}

/** Everything the kit needs to serve one OpenAPI operation. */
export interface Operation {
  operationId: string;
  method: Uppercase<HttpMethod>;
  /** The path as the OpenAPI file writes it: `/api/v1/incidents/{id}`. */
  path: string;
  /** The same path in Fastify's syntax: `/api/v1/incidents/:id`. */
  url: string;
  /** JSON Schemas per request part, in the shape Fastify's route `schema` option takes. */
  schema: { body?: SchemaObject; querystring?: SchemaObject; params?: SchemaObject; headers?: SchemaObject };
  bodyRequired: boolean;
  /** The status a handler answers with unless it picks another documented one: the lowest documented 2xx. */
  successStatus: number;
  responses: Map<number, DocumentedResponse>;
}

export const toFastifyPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');

/**
 * Lists the operations of a document whose `$ref`s are already inlined. Anything that would let the served API
 * differ from the file (a missing or repeated operationId, a path template without its parameter, a body that is
 * not JSON) throws, so a bad file stops the service at start-up instead of surprising a client later.
 */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = op.operationId;
      if (!id) throw new Error(`${where}: every operation needs an operationId`);
      if (seen.has(id)) throw new Error(`${where}: operationId "${id}" is used twice`);
      seen.add(id);

      const parameters = mergeParameters(item.parameters ?? [], op.parameters ?? []);
      const schema: Operation['schema'] = {};
      const params = parameterSchema(parameters, 'path', where);
      checkPathTemplate(path, params, where);
      if (params) schema.params = params;
      const querystring = parameterSchema(parameters, 'query', where);
      if (querystring) schema.querystring = querystring;
      const headers = parameterSchema(parameters, 'header', where);
      if (headers) schema.headers = headers;
      if (parameters.some((p) => p.in === 'cookie'))
        throw new Error(`${where}: cookie parameters are not supported`);

      let bodyRequired = false;
      if (op.requestBody) {
        const content = op.requestBody.content ?? {};
        const media = content[JSON_MEDIA];
        const others = Object.keys(content).filter((type) => type !== JSON_MEDIA);
        if (!media?.schema || others.length)
          throw new Error(`${where}: request bodies must be ${JSON_MEDIA} only`);
        schema.body = toJsonSchema(media.schema, 'request', `${where} requestBody`);
        bodyRequired = op.requestBody.required === true;
      }

      const responses = documentedResponses(op.responses ?? {}, where);
      const successes = [...responses.keys()].filter((s) => s >= 200 && s < 300).sort((a, b) => a - b);
      if (!successes.length) throw new Error(`${where}: no 2xx response documented`);

      operations.push({
        operationId: id,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        url: toFastifyPath(path),
        schema,
        bodyRequired,
        successStatus: successes[0]!,
        responses,
      });
    }
  }
  return operations;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(shared: ParameterObject[], own: ParameterObject[]): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
  return [...byKey.values()];
}

function parameterSchema(parameters: ParameterObject[], location: ParameterObject['in'], where: string) {
  const selected = parameters.filter((p) => p.in === location);
  if (!selected.length) return undefined;
  const properties: SchemaObject = {};
  const required: string[] = [];
  for (const p of selected) {
    // HTTP header names are case-insensitive and Node lower-cases them.
    const name = location === 'header' ? p.name.toLowerCase() : p.name;
    properties[name] = toJsonSchema(p.schema ?? { type: 'string' }, 'request', `${where} parameter ${name}`);
    if (p.required || location === 'path') required.push(name);
  }
  // Unknown query parameters and headers are let through: clients and proxies add their own (cache busters,
  // tracing), and refusing them would break callers for no gain. Bodies are where the contract is strict.
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

function checkPathTemplate(path: string, params: SchemaObject | undefined, where: string): void {
  const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const declared = Object.keys((params?.properties as SchemaObject | undefined) ?? {});
  const missing = inTemplate.filter((n) => !declared.includes(n));
  const extra = declared.filter((n) => !inTemplate.includes(n));
  if (missing.length) throw new Error(`${where}: path parameter(s) ${missing.join(', ')} not declared`);
  if (extra.length) throw new Error(`${where}: path parameter(s) ${extra.join(', ')} not in the path`);
}

function documentedResponses(
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema?: SchemaObject }> }
  >,
  where: string,
): Map<number, DocumentedResponse> {
  const out = new Map<number, DocumentedResponse>();
  for (const [code, response] of Object.entries(responses)) {
    // `default` and ranges such as `4XX` document errors generically; handlers never pick them as a status.
    if (!/^\d{3}$/.test(code)) continue;
    const headers = new Set(Object.keys(response.headers ?? {}).map((h) => h.toLowerCase()));
    const media = response.content?.[JSON_MEDIA];
    const documented: DocumentedResponse = { headers };
    if (media?.schema)
      documented.schema = toJsonSchema(media.schema, 'response', `${where} response ${code}`);
    out.set(Number(code), documented);
  }
  return out;
}
