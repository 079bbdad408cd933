/**
 * The web server's configuration, read from the environment when a request needs it (not when the app is built),
 * so one production build serves any deployment and `npm start` can hand out ports at run time.
 *
 *   GATEWAY_URL         where this server reaches the gateway's /graphql (login, refresh, logout)
 *   PUBLIC_GATEWAY_URL  where browsers reach it, when that differs (a container network); default GATEWAY_URL
 *   COMMS_PUBLIC_URL    rest-comms, whose in-memory snapshot the public status page is rendered from (decision 0010)
 */
export interface RuntimeConfig {
  /** The gateway's `/graphql` as this server reaches it. */
  gatewayUrl: string;
  /** rest-comms's root as this server reaches it: the public page reads `/api/v1/public/summary` and co. there. */
  commsPublicUrl: string;
  /** What the browser is given: HTTP for queries and mutations, WebSocket (graphql-ws) for subscriptions. */
  browser: BrowserConfig;
}

/** Sent to the browser in the page (src/app/layout.tsx). Nothing secret. */
export interface BrowserConfig {
  httpUrl: string;
  wsUrl: string;
}

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';
export const DEFAULT_COMMS_PUBLIC_URL = 'http://127.0.0.1:8082';

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
  const comms = parseHttpUrl('COMMS_PUBLIC_URL', env.COMMS_PUBLIC_URL || DEFAULT_COMMS_PUBLIC_URL);
  return {
    gatewayUrl: gateway.toString(),
    commsPublicUrl: comms.toString().replace(/\/$/, ''),
    browser: { httpUrl: publicUrl.toString(), wsUrl: webSocketUrlOf(publicUrl) },
  };
}

/** The process's configuration; the only place the app's server code reads `process.env`. */
export const runtimeConfig = (): RuntimeConfig => readRuntimeConfig(process.env);
