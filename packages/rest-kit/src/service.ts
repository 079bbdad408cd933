import type { GraphQLOperation, Revalidated } from '@polystatus/kit';
import {
  type BaseEnv,
  type Caller,
  clientAddress,
  createRedis,
  createService,
  DomainError,
  GatewayClient,
  type Logger,
  RateLimiter,
  type RedisHandle,
  type TrustedProxies,
} from '@polystatus/kit';
import { AnswerReuse } from './answer-reuse.ts';
import { StreamVersions } from './answer-versions.ts';
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
  RATE_LIMIT_PER_SECOND: number;
  RATE_LIMIT_BURST: number;
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
 * OpenAPI file, each answered by the handler with the same operationId, and the file's docs. It holds no state:
 * everything it answers comes through the gateway, whose reachability is its readiness. With answer reuse on, it
 * reads the domains' event-stream heads (never their data) to send an unchanged answer again without asking the
 * gateway (answer-versions.ts, docs/decisions/0013); a Redis outage only sends every reuse to the gateway.
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
  const env = opts.env;
  let streams: RedisHandle | undefined;
  const service = await createService(
    {
      name: opts.name,
      env,
      port: env.PORT,
      readiness: { gateway: () => gateway.ping() },
      onClose: [
        { name: 'gateway', run: () => gateway.close() },
        { name: 'event-streams', run: async () => streams?.close() },
      ],
    },
    async ({ app, metrics, logger }) => {
      await mountDocs(app, spec);
      let reuse: AnswerReuse | undefined;
      if (env.REST_ANSWER_REUSE_MB > 0) {
        streams = createRedis({
          url: env.REDIS_URL,
          name: `${opts.name}-streams`,
          keyPrefix: env.REDIS_KEY_PREFIX,
          commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
          logger,
        });
        reuse = new AnswerReuse({
          maxBytes: env.REST_ANSWER_REUSE_MB * 2 ** 20,
          registry: metrics.registry,
          standing: new StreamVersions({
            redis: streams.client,
            keyPrefix: env.REDIS_KEY_PREFIX,
            secret: env.POLYSTATUS_INTERNAL_SECRET,
            logger,
          }),
          // The gateway's per-client limit, for the answers it never sees.
          limiter:
            env.RATE_LIMIT_PER_SECOND > 0
              ? new RateLimiter({ perSecond: env.RATE_LIMIT_PER_SECOND, burst: env.RATE_LIMIT_BURST })
              : undefined,
        });
      }
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
            env.TRUSTED_PROXIES,
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
