import type { IncomingHttpHeaders } from 'node:http';

/** What a handler receives: the request parts, already validated against the OpenAPI file. */
export interface OperationInput<
  Body = unknown,
  Query = Record<string, unknown>,
  Params = Record<string, string>,
> {
  body: Body;
  query: Query;
  params: Params;
  headers: IncomingHttpHeaders;
  /** The request path without its query string, e.g. to build a `Link` to the next page. */
  path: string;
}

/**
 * What a handler returns. `status` defaults to the operation's lowest documented 2xx; a status or header that the
 * OpenAPI file does not document for the operation is refused, so code cannot answer what the file does not say.
 */
export interface RestResult {
  body?: unknown;
  /** The body already serialized as JSON (sent as application/json); used instead of `body` when present. */
  json?: string | Buffer;
  status?: number;
  headers?: Record<string, string>;
}

export type OperationHandler<
  Context,
  Body = unknown,
  Query = Record<string, unknown>,
  Params = Record<string, string>,
> = (input: OperationInput<Body, Query, Params>, ctx: Context) => Promise<RestResult>;

/**
 * Handlers keyed by operationId. `never` input parts let each handler declare the precise body, query and params
 * types its operation's schemas guarantee (a function taking a narrower input is assignable here).
 */
export type HandlerMap<Context> = Record<string, OperationHandler<Context, never, never, never>>;
