import type { IncomingMessage, Server } from 'node:http';
import {
  type Authenticator,
  type CostLimits,
  costLimit,
  createRedis,
  DomainError,
  depthLimit,
  formatGraphQLError,
  type GraphQLHardening,
  type Logger,
  type Metrics,
} from '@polystatus/kit';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  specifiedRules,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { type AdmissionRules, admit, domainRefusal } from './admission.ts';
import { CLOSE } from './close-codes.ts';
import type { RealtimeConfig } from './config.ts';
import { EventReader, readStreamAfter } from './event-reader.ts';
import type { GraphExecutor } from './graph-executor.ts';
import { Hub } from './hub.ts';
import { createRealtimeMetrics, type RealtimeState } from './metrics.ts';
import { admitSocketOperation, runSocketOperation, type SocketOperationPolicy } from './operations.ts';
import type { SubscriptionPlan } from './plan.ts';
import { buildRealtimeSchema, type RealtimeSchema } from './schema.ts';
import { type Session, Sessions } from './sessions.ts';
import { SocketAdmission } from './socket-admission.ts';
import type { SubscriptionSource } from './source.ts';
import { SOURCES } from './sources/index.ts';
import type { Outlet } from './subscriber.ts';
import { readSubscriptionSdl, type SubscriptionSdl } from './subscription-sdl.ts';
import { attachUpgrade, closeIdleAnonymous } from './upgrade.ts';

export interface RealtimeOptions {
  /** The gateway's HTTP server: sockets upgrade on its port and path, so one URL serves both. */
  server: Server;
  path?: string;
  /** The same supergraph the gateway serves. */
  supergraphSdl: string;
  /**
   * The schema already built from that supergraph and these sources (the gateway's client schema, client-schema.ts),
   * used as is instead of building a second copy; `supergraphSdl`, `sources` and `subscriptionSdl` are then unread.
   */
  schema?: RealtimeSchema;
  sources?: readonly SubscriptionSource[];
  /** The sources' SDL; default: every `subgraphs/*\/subscriptions.graphql` of this checkout. */
  subscriptionSdl?: readonly SubscriptionSdl[];
  /** Queries and mutations over the socket: the client's address and the gateway's request bucket. */
  operations?: SocketOperationPolicy;
  authenticator: Authenticator;
  executor: GraphExecutor;
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number };
  logger: Logger;
  metrics?: Metrics;
  config: RealtimeConfig;
  maxDepth: number;
  /** The gateway's cost limits, applied to subscription documents too. */
  costLimits?: CostLimits;
  /** The gateway's whole set of limits (token budget, operation limits, variables); replaces the two above. */
  hardening?: GraphQLHardening;
}

export interface RealtimeServer {
  /** Settles once the event reader follows the streams; events before that are not delivered live. */
  readonly ready: Promise<void>;
  stats(): RealtimeState;
  close(): Promise<void>;
}

type Extra = { session?: Session };

/** What the server keeps per open socket: where it came from and, once initialised, whether it is anonymous. */
interface SocketState {
  address: string;
  anonymous: boolean;
  signedIn: boolean;
  /** For anonymous sockets: since when it has held no subscription (null while it holds one). */
  idleSince: number | null;
  subscriptions: () => number;
}

type SubscriptionContext =
  | { plan: SubscriptionPlan; outlet: Outlet }
  | { refusal: Refusal }
  | { run: () => Promise<FormattedExecutionResult> };

/**
 * A refused subscription travels as one whose iterator fails at once: graphql-ws then builds the GraphQLError
 * itself and sends an `error` message, which `onError` replaces with these. Returning errors from `onSubscribe`
 * would need them to pass graphql-ws's `instanceof GraphQLError`, which fails whenever it and this module load
 * different builds of graphql (the CommonJS one natively, the ESM one under vitest).
 */
class Refusal extends Error {
  constructor(readonly errors: GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'refused');
  }
}

/** Never executed: it only tells graphql-ws the operation is a subscription, so `subscribe` receives the refusal. */
const REFUSAL_DOCUMENT = parse('subscription Refused { __typename }');

const refused = (refusal: Refusal): AsyncIterableIterator<never> => ({
  next: () => Promise.reject(refusal),
  [Symbol.asyncIterator]() {
    return this;
  },
});

/**
 * A query or mutation over the socket: admitted like an HTTP request (the client's bucket, its address on the
 * principal), then run once through the gateway; graphql-ws sends the result as one `next`, then `complete`.
 */
function operationArgs(
  schema: GraphQLSchema,
  document: DocumentNode,
  payload: SubscribePayload,
  session: Session,
  request: IncomingMessage,
  opts: RealtimeOptions,
): ExecutionArgs {
  try {
    const operation = {
      ...payload,
      principal: admitSocketOperation(session.principal, request, opts.operations),
    };
    const contextValue: SubscriptionContext = { run: () => runSocketOperation(operation, opts.executor) };
    return { schema, document, operationName: payload.operationName, contextValue };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const contextValue: SubscriptionContext = { refusal: new Refusal([domainRefusal(err)]) };
    return { schema, document: REFUSAL_DOCUMENT, contextValue };
  }
}

/**
 * A close frame would queue behind everything the peer is not reading, so it is sent and the connection cut
 * shortly after; a peer that is merely slow still gets 1013 and resumes with `after`.
 */
function dropSlowSocket(socket: WebSocket, reason: string): void {
  socket.close(CLOSE.SLOW_CONSUMER, `Try again later: ${reason}`);
  setTimeout(() => socket.terminate(), 1000).unref();
}

/** `{ authorization: "Bearer …" }` (any case) or `{ token: "…" }` in connection_init. */
function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'string' || !value) continue;
    if (key.toLowerCase() === 'authorization') return value;
    if (key === 'token') return `Bearer ${value}`;
  }
  return undefined;
}

/**
 * Subscriptions over graphql-ws: one event reader, one in-process hub, any number of sockets. Queries and
 * mutations stay on HTTP POST, where the gateway authenticates and rate-limits them.
 */
export async function startRealtimeServer(opts: RealtimeOptions): Promise<RealtimeServer> {
  const { config, logger } = opts;
  const { schema, sources, skipped } =
    opts.schema ??
    buildRealtimeSchema(
      opts.supergraphSdl,
      opts.sources ?? SOURCES,
      opts.subscriptionSdl ?? readSubscriptionSdl(),
    );
  if (skipped.length) logger.warn({ skipped }, 'subscriptions left out: the supergraph lacks what they need');
  const admissionRules: AdmissionRules = {
    schema,
    sources: new Map(sources.map((s) => [s.field, s])),
    validationRules: [
      ...specifiedRules,
      ...(opts.hardening
        ? opts.hardening.validationRules
        : [depthLimit(opts.maxDepth), ...(opts.costLimits ? [costLimit(opts.costLimits)] : [])]),
    ],
    ...(opts.hardening
      ? {
          parseOptions: opts.hardening.parseOptions,
          validationOptions: opts.hardening.validationOptions,
          maxVariableValues: opts.hardening.limits.maxVariableValues,
        }
      : {}),
    maxPerSocket: config.REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET,
  };
  const format = formatGraphQLError(logger);

  const redis = (name: string, blocking: boolean) =>
    createRedis({
      url: opts.redis.url,
      keyPrefix: opts.redis.keyPrefix,
      commandTimeoutMs: opts.redis.commandTimeoutMs,
      name,
      logger,
      blocking,
    });
  const readerRedis = redis('gateway-realtime-reader', true);
  const replayRedis = redis('gateway-realtime', false);

  // noServer: the upgrade goes through admission first (attachUpgrade), which needs the client's address.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const admission = new SocketAdmission({
    maxSockets: config.REALTIME_MAX_SOCKETS,
    maxPerAddress: config.REALTIME_MAX_SOCKETS_PER_ADDRESS,
    maxAnonymousPerAddress: config.REALTIME_MAX_ANONYMOUS_PER_ADDRESS,
    connectsPerSecond: config.REALTIME_CONNECTS_PER_SECOND,
    connectBurst: config.REALTIME_CONNECT_BURST,
  });
  const states = new Map<WebSocket, SocketState>();
  const clientOf =
    opts.operations?.clientOf ?? ((request: IncomingMessage) => request.socket.remoteAddress ?? '');
  // The gauges read the hub when scraped, after it exists.
  const metrics = createRealtimeMetrics(opts.metrics?.registry, () => stats());
  const detachUpgrade = attachUpgrade(opts.server, opts.path ?? '/graphql', wss, (request, socket) => {
    const address = clientOf(request);
    const refusal = admission.admitUpgrade(address);
    if (refusal) {
      metrics.refusals.inc({ reason: refusal.label });
      socket.close(refusal.code, refusal.reason);
      return false;
    }
    states.set(socket, {
      address,
      anonymous: false,
      signedIn: false,
      idleSince: null,
      subscriptions: () => 0,
    });
    socket.once('close', () => {
      const state = states.get(socket);
      if (!state) return;
      states.delete(socket);
      admission.release(state.address, state.anonymous);
    });
    return true;
  });
  const sweepIdle = setInterval(
    () =>
      closeIdleAnonymous(states, config.REALTIME_ANONYMOUS_IDLE_MS, () =>
        metrics.disconnects.inc({ reason: 'idle' }),
      ),
    Math.max(250, Math.floor(config.REALTIME_ANONYMOUS_IDLE_MS / 4)),
  );
  sweepIdle.unref();
  const hub = new Hub({
    schema,
    sources,
    executor: opts.executor,
    logger,
    limits: { maxQueued: config.REALTIME_MAX_QUEUED, maxBufferedBytes: config.REALTIME_MAX_BUFFERED_BYTES },
    readStream: (domain, after) => readStreamAfter(replayRedis.client, opts.redis.keyPrefix, domain, after),
    onHydration: () => metrics.hydrations.inc(),
  });
  const stats = () => {
    let signedIn = 0;
    for (const state of states.values()) if (state.signedIn) signedIn++;
    return {
      sockets: wss.clients.size,
      anonymousSockets: admission.stats.anonymous,
      signedInSockets: signedIn,
      ...hub.stats,
    };
  };
  const sessions = new Sessions(opts.authenticator, logger, config.REALTIME_RECHECK_MS);
  const sourceDomains = new Set(hub.domains);
  const reader = new EventReader({
    client: readerRedis.client,
    keyPrefix: opts.redis.keyPrefix,
    domains: [...new Set([...sourceDomains, 'users'])],
    logger,
    onEvent: (event) => {
      metrics.events.inc({ domain: event.domain });
      if (event.domain === 'users') sessions.onUsersEvent(event);
      if (sourceDomains.has(event.domain)) hub.dispatch(event);
    },
  });
  reader.start();
  sessions.start();

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      connectionInitWaitTimeout: config.REALTIME_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        try {
          const session = await sessions.open(authorizationOf(ctx.connectionParams), (code, reason) => {
            metrics.disconnects.inc({
              reason: code === CLOSE.UNAUTHORIZED ? 'unauthorized' : 'access_changed',
            });
            socket.close(code, reason);
          });
          // The peer may have gone while its token was being checked; onClose has already run then.
          if (socket.readyState !== socket.OPEN) {
            sessions.forget(session);
            return false;
          }
          const state = states.get(socket);
          if (state && session.principal.kind === 'anonymous') {
            const refusal = admission.admitAnonymous(state.address);
            if (refusal) {
              sessions.forget(session);
              metrics.refusals.inc({ reason: refusal.label });
              socket.close(refusal.code, refusal.reason);
              return false;
            }
            state.anonymous = true;
            state.idleSince = Date.now();
            state.subscriptions = () => Object.keys(ctx.subscriptions).length;
          } else if (state) {
            state.signedIn = true;
          }
          ctx.extra.session = session;
          return true;
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          // 4401 tells the graphql-ws client not to retry with the same credential.
          socket.close(CLOSE.UNAUTHORIZED, `Unauthorized: ${err.message}`.slice(0, 120));
          return false;
        }
      },
      onClose: (ctx) => {
        if (ctx.extra.session) sessions.forget(ctx.extra.session);
      },
      onSubscribe: (ctx, id, payload) => {
        const admission = admit(
          {
            query: payload.query,
            operationName: payload.operationName,
            variables: payload.variables,
            principal: ctx.extra.session!.principal,
            held: Object.keys(ctx.subscriptions).length,
          },
          admissionRules,
        );
        if (!admission.ok) {
          const contextValue: SubscriptionContext = { refusal: new Refusal(admission.errors) };
          return { schema, document: REFUSAL_DOCUMENT, contextValue } satisfies ExecutionArgs;
        }
        if ('operation' in admission)
          return operationArgs(
            schema,
            admission.document,
            payload,
            ctx.extra.session!,
            ctx.extra.request,
            opts,
          );
        const { plan, document } = admission;
        const socket: WebSocket = ctx.extra.socket;
        // The graphql-ws `next` message, framed around JSON the group serialized once.
        const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
        const outlet: Outlet = {
          send: (payloadJson) => socket.send(`${head}${payloadJson}}`),
          bufferedBytes: () => socket.bufferedAmount,
          overflow: (reason) => {
            logger.warn({ reason, field: plan.source.field }, 'disconnecting a slow realtime consumer');
            metrics.disconnects.inc({ reason: 'slow_consumer' });
            dropSlowSocket(socket, reason);
          },
        };
        const contextValue: SubscriptionContext = { plan, outlet };
        return {
          schema,
          document,
          operationName: payload.operationName,
          contextValue,
        } satisfies ExecutionArgs;
      },
      // Queries and mutations: graphql-ws sends the result as one `next`, then `complete`.
      execute: (args) => {
        const ctx = args.contextValue as SubscriptionContext;
        if (!('run' in ctx)) throw new Error('only admitted queries and mutations are executed');
        return ctx.run() as Promise<ExecutionResult>;
      },
      // Only query and mutation results pass through graphql-ws (subscriptions write to the socket from the hub),
      // and they are formatted already: graphql-ws would call toJSON on their errors otherwise.
      onNext: (_ctx, _id, _payload, _args, result) => result as FormattedExecutionResult,
      subscribe: (args) => {
        const ctx = args.contextValue as SubscriptionContext;
        if ('refusal' in ctx) return refused(ctx.refusal);
        if (!('plan' in ctx)) throw new Error('only subscriptions are subscribed to');
        // Results go to the socket from the hub directly (see Subscriber); graphql-ws only sees the end.
        return hub.subscribe(ctx.plan, ctx.outlet);
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.flatMap((e) =>
          e.originalError instanceof Refusal ? e.originalError.errors : [format(e.toJSON(), e)],
        ),
    },
    wss,
    config.REALTIME_KEEP_ALIVE_MS,
  );
  logger.info({ sources: sources.map((s) => s.field) }, 'realtime server ready');

  return {
    ready: reader.ready,
    stats,
    async close() {
      sessions.stop();
      clearInterval(sweepIdle);
      detachUpgrade();
      // Clients that do not answer the close handshake must not hold shutdown up.
      const terminate = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 1000);
      terminate.unref();
      try {
        await disposable.dispose();
      } catch (err) {
        logger.warn({ err }, 'realtime sockets did not close cleanly');
      }
      clearTimeout(terminate);
      await reader.stop();
      await replayRedis.close();
    },
  };
}
