import type { GraphQLOperation, Revalidated } from '@polystatus/kit';
import {
  type BaseEnv,
  type Caller,
  clientAddress,
  createService,
  DomainError,
  GatewayClient,
  type Logger,
  type TrustedProxies,
} from '@polystatus/kit';
import { AnswerReuse } from './answer-reuse.ts';
import { mountDocs } from './docs.ts';
import { withRestFieldNames } from './field-names.ts';
import type { HandlerMap, OperationHandler } from './handler.ts';
import { loadSpec } from './openapi/load.ts';
import { checkHandlers, registerOperations } from './routes.ts';

export interface RestAdapterEnv extends BaseEnv {
  PORT: number;
  GATEWAY_URL: string;
  GATEWAY_TIMEOUT_MS: number;
  GATEWAY_CONNECTIONS: number;
  REST_ANSWER_REUSE_MB: number;
  TRUSTED_PROXIES: TrustedProxies;
}

/** What every adapter handler gets besides its validated input. */
export interface RestContext {
  /**
   * Runs an operation on the gateway as this request's caller (same Authorization, request id, address). Field
   * names in a returned error's details are put in REST form (see `restFieldName`); `renames` covers the fields
   * whose REST name is not the snake_case of the GraphQL one.
   */
  graphql<Data, Variables>(
    op: GraphQLOperation<Data, Variables>,
    variables: Variables,
    renames?: Record<string, string>,
  ): Promise<Data>;
  /**
   * The same for a query, revalidating: with the ETag of an answer read before, resolves `notModified` while the
   * gateway says it still stands (answer-reuse.ts).
   */
  read<Data, Variables>(
    op: GraphQLOperation<Data, Variables>,
    variables: Variables,
    etag?: string,
    renames?: Record<string, string>,
  ): Promise<Revalidated<Data>>;
  requestId: string;
  /** The client's address: the peer, or the right-most untrusted X-Forwarded-For hop behind TRUSTED_PROXIES. */
  clientAddress: string;
  log: Logger;
}

export type RestHandler<
  Body = unknown,
  Query = Record<string, unknown>,
  Params = Record<string, string>,
> = OperationHandler<RestContext, Body, Query, Params>;
export type RestHandlers = HandlerMap<RestContext>;

export interface RestAdapterOptions {
  /** The service name in logs and metrics, e.g. `rest-incidents`. */
  name: string;
  env: RestAdapterEnv;
  /** The project's OpenAPI file; routes, validation, statuses and docs all come from it. */
  swaggerPath: string;
  handlers: RestHandlers;
}

/**
 * A REST adapter: the kit's service (health, readiness, metrics, error model) with one route per operation of the
 * OpenAPI file, each answered by the handler with the same operationId, and the file's docs. It holds no state and
 * opens no Redis: everything goes through the gateway, whose reachability is its readiness.
 */
export async function createRestAdapterService(opts: RestAdapterOptions) {
  const spec = loadSpec(opts.swaggerPath);
  // Before opening anything: a mismatch is a programming error and must stop the process at once.
  checkHandlers(spec.operations, opts.handlers);
  const gateway = new GatewayClient({
    url: opts.env.GATEWAY_URL,
    timeoutMs: opts.env.GATEWAY_TIMEOUT_MS,
    connections: opts.env.GATEWAY_CONNECTIONS,
  });
  const service = await createService(
    {
      name: opts.name,
      env: opts.env,
      port: opts.env.PORT,
      readiness: { gateway: () => gateway.ping() },
      onClose: [{ name: 'gateway', run: () => gateway.close() }],
    },
    async ({ app, metrics }) => {
      await mountDocs(app, spec);
      const reuse =
        opts.env.REST_ANSWER_REUSE_MB > 0
          ? new AnswerReuse(opts.env.REST_ANSWER_REUSE_MB * 2 ** 20, metrics.registry)
          : undefined;
      const handlers: RestHandlers = { ...opts.handlers };
      for (const op of spec.operations) {
        // Reads only: a GET changes nothing, so answering it again as before is what it would have answered.
        if (reuse && op.method === 'GET') {
          handlers[op.operationId] = reuse.wrap(
            handlers[op.operationId] as RestHandler<unknown, unknown, unknown>,
          );
        }
      }
      registerOperations<RestContext>(app, {
        operations: spec.operations,
        handlers,
        context: (request) => {
          const log = request.log as unknown as Logger;
          const address = clientAddress(
            request.socket.remoteAddress,
            request.headers['x-forwarded-for'],
            opts.env.TRUSTED_PROXIES,
          );
          const caller: Caller = {
            authorization: request.headers.authorization,
            requestId: request.id,
            clientAddress: address,
            log,
            cacheControl: request.headers['cache-control'],
          };
          return {
            graphql: (op, variables, renames) =>
              restErrors(() => gateway.execute(op, variables, caller), renames),
            read: (op, variables, etag, renames) =>
              restErrors(() => gateway.read(op, variables, caller, etag), renames),
            requestId: request.id,
            clientAddress: address,
            log,
          };
        },
      });
    },
  );
  return { ...service, spec, gateway };
}

/** Field names in a failed call's error details, put in REST form. */
async function restErrors<T>(call: () => Promise<T>, renames?: Record<string, string>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw err instanceof DomainError ? withRestFieldNames(err, renames) : err;
  }
}
