import type { SubscriptionForwarder } from '@urql/core';
import type { ExecutionResult, Client as WsClient } from 'graphql-ws';
import type { ConnectionStatus } from './connection-status.ts';

/**
 * Subscriptions that survive a lost connection without losing events. Every live subscription of the app
 * declares `$after: String` and passes it to its field, whose payload carries a `cursor` (the gateway's resume
 * token, see gateway/src/realtime/README.md). This forwarder keeps `after` at the last cursor received, in the
 * very payload object graphql-ws re-sends when it reconnects, so the gateway replays what was missed, then
 * continues live, none twice.
 *
 * A token that expires or is revoked ends the socket with 4401, which graphql-ws never retries: the session gets
 * one refresh and the subscription starts again from its cursor. A cursor older than the stream keeps is refused
 * with CONFLICT: the subscription starts afresh and the status reports the gap.
 */
export interface LiveOptions {
  ws: WsClient;
  status: ConnectionStatus;
  /** A new token after a 4401, or null when the session is over. */
  tokenRejected: () => Promise<string | null>;
  onGap: () => void;
}

const declaresAfter = (query: string | undefined) => query !== undefined && /\$after\s*:/.test(query);

const cursorOf = (data: unknown): string | undefined => {
  if (!data || typeof data !== 'object') return undefined;
  for (const value of Object.values(data)) {
    const cursor = (value as { cursor?: unknown } | null)?.cursor;
    if (typeof cursor === 'string') return cursor;
  }
  return undefined;
};

const closeCode = (err: unknown): number | undefined =>
  typeof (err as { code?: unknown })?.code === 'number' ? (err as { code: number }).code : undefined;

const errorCode = (err: unknown): string | undefined =>
  Array.isArray(err) ? (err[0] as { extensions?: { code?: string } })?.extensions?.code : undefined;

let active = 0;
export const activeSubscriptions = (): number => active;

export function liveForwarder(opts: LiveOptions): SubscriptionForwarder {
  return (request) => ({
    subscribe(sink) {
      const payload = {
        query: request.query ?? '',
        variables: { ...(request.variables as Record<string, unknown> | undefined) },
        ...(request.operationName ? { operationName: request.operationName } : {}),
        ...(request.extensions ? { extensions: request.extensions } : {}),
      };
      const resumable = declaresAfter(request.query);
      let dispose: (() => void) | undefined;
      let ended = false;
      active++;

      const start = () => {
        dispose = opts.ws.subscribe<Record<string, unknown>>(payload, {
          next: (result: ExecutionResult<Record<string, unknown>>) => {
            const cursor = resumable ? cursorOf(result.data) : undefined;
            if (cursor) payload.variables.after = cursor;
            sink.next(result);
          },
          error: (err: unknown) => {
            if (ended) return;
            if (closeCode(err) === 4401) {
              void opts.tokenRejected().then((token) => (token && !ended ? start() : finish(err)));
              return;
            }
            if (resumable && errorCode(err) === 'CONFLICT' && payload.variables.after != null) {
              payload.variables.after = null;
              opts.onGap();
              start();
              return;
            }
            finish(err);
          },
          complete: () => {
            if (!ended) {
              ended = true;
              active--;
              sink.complete();
            }
          },
        });
      };
      const finish = (err: unknown) => {
        if (ended) return;
        ended = true;
        active--;
        sink.error(err);
      };
      start();
      return {
        unsubscribe() {
          if (!ended) {
            ended = true;
            active--;
          }
          dispose?.();
          if (active === 0) opts.status.closed(0);
        },
      };
    },
  });
}
