/**
 * The web server's configuration, read from the environment when a request needs it (not when the app is built),
 * so one production build serves any deployment and `npm start` can hand out ports at run time.
 *
 *   GATEWAY_URL         where this server reaches the gateway's /graphql (login, refresh, logout)
 *   PUBLIC_GATEWAY_URL  where browsers reach it, when that differs (a container network); default GATEWAY_URL
 */
export interface RuntimeConfig {
  /** The gateway's `/graphql` as this server reaches it. */
  gatewayUrl: string;
  /** What the browser is given: HTTP for queries and mutations, WebSocket (graphql-ws) for subscriptions. */
  browser: BrowserConfig;
}

/** Sent to the browser in the page (src/app/layout.tsx). Nothing secret. */
export interface BrowserConfig {
  httpUrl: string;
  wsUrl: string;
}

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';

const parseHttpUrl = (name: string, value: string): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name}: must be http(s): ${value}`);
  return url;
};

/** `http://gw:4000/graphql` → `ws://gw:4000/graphql`: the gateway serves graphql-ws on the same path. */
export const webSocketUrlOf = (http: URL): string => {
  const ws = new URL(http);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return ws.toString();
};

export function readRuntimeConfig(env: Record<string, string | undefined>): RuntimeConfig {
  const gateway = parseHttpUrl('GATEWAY_URL', env.GATEWAY_URL || DEFAULT_GATEWAY_URL);
  const publicUrl = env.PUBLIC_GATEWAY_URL
    ? parseHttpUrl('PUBLIC_GATEWAY_URL', env.PUBLIC_GATEWAY_URL)
    : gateway;
  return {
    gatewayUrl: gateway.toString(),
    browser: { httpUrl: publicUrl.toString(), wsUrl: webSocketUrlOf(publicUrl) },
  };
}

/** The process's configuration; the only place the app's server code reads `process.env`. */
export const runtimeConfig = (): RuntimeConfig => readRuntimeConfig(process.env);
