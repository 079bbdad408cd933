import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { createClient as createWsClient } from 'graphql-ws';
import type { BrowserConfig } from '../server/runtime-config.ts';
import { cacheOptions } from './cache.ts';
import type { ConnectionStatus } from './connection-status.ts';
import { activeSubscriptions, liveForwarder } from './live-subscriptions.ts';
import type { Session } from './session.ts';

export interface AppClient {
  urql: Client;
  /** The graphql-ws client, shared with the playground so it uses the same signed-in socket logic. */
  ws: ReturnType<typeof createWsClient>;
  /** `fetch` with the session's bearer token (refreshed once on a 401), for the playground's HTTP requests. */
  fetch: typeof fetch;
  /** The gateway's HTTP endpoint. */
  urlOf(): string;
  dispose(): void;
}

/** Reconnect quickly at first, then every 10 s at most, with jitter so a restarted gateway is not stampeded. */
const retryWait = (retries: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 500),
  );

/**
 * The app's one GraphQL client, created in the browser only (src/components/providers.tsx): queries and
 * mutations over HTTP to the gateway with the session's bearer token, subscriptions over graphql-ws, all through
 * one normalized cache.
 */
export function createAppClient(
  config: BrowserConfig,
  session: Session,
  status: ConnectionStatus,
): AppClient {
  const ws = createWsClient({
    url: config.wsUrl,
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait,
    connectionParams: async () => {
      const token = await session.accessToken();
      if (!token) throw new Error('signed out');
      return { authorization: `Bearer ${token}` };
    },
    on: {
      connecting: () => status.connecting(),
      connected: () => status.connected(),
      closed: () => status.closed(activeSubscriptions()),
    },
  });

  const authorizedFetch: typeof fetch = async (input, init) => {
    const send = (token: string | null) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const res = await send(await session.accessToken());
    if (res.status !== 401) return res;
    // Revoked or expired early (a role change, a key rotation): one refresh, one retry.
    const fresh = await session.tokenRejected();
    return fresh ? send(fresh) : res;
  };

  const urql = new Client({
    url: config.httpUrl,
    fetch: authorizedFetch,
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    exchanges: [
      cacheExchange(cacheOptions),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: liveForwarder({
          ws,
          status,
          tokenRejected: () => session.tokenRejected(),
          onGap: () => status.gap(),
        }),
      }),
    ],
  });

  return { urql, ws, fetch: authorizedFetch, urlOf: () => config.httpUrl, dispose: () => void ws.dispose() };
}
