import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bool, DEFAULT_GRAPHQL_LIMITS, EnvError, loadEnv, parseTrustedProxies, port } from '@polystatus/kit';
import { subgraphUrlVariable } from '@polystatus/registry';
import { z } from 'zod';
import { parseOrigins } from './http/cors.ts';
import { subgraphsOf } from './subgraphs/supergraph-graphs.ts';

const DEFAULT_SUPERGRAPH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** Loopback only: the REST adapters run beside the gateway and pass their client's address in X-Forwarded-For. */
const LOOPBACK = '127.0.0.0/8,::1/128';

const shape = {
  PORT: port(4000),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH),
  /** Base URL of the users service; the gateway reads `/.well-known/jwks.json` there to verify tokens. */
  USERS_SERVICE_URL: z.string().url().default('http://127.0.0.1:4001'),
  /** Comma-separated addresses or CIDR blocks whose X-Forwarded-For is believed; `none` believes nobody. */
  TRUSTED_PROXIES: z.string().default(LOOPBACK),
  /**
   * Sustained requests per second per client on /graphql; 0 turns the limiter off. Sized so one busy automation
   * host or a wallboard fleet behind one NAT is never throttled, while a runaway script is.
   */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(500),
  /** Requests a client may send in a burst above the sustained rate. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(1000),
  /** Browser origins allowed to call the gateway (comma-separated); empty: same-origin only. */
  CORS_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000'),
  /** Keep serving locally verified session JWTs while the users service is down (gateway-authenticator.ts). */
  AUTH_JWT_FALLBACK: bool(true),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(DEFAULT_GRAPHQL_LIMITS.maxDepth),
  /** Most estimated work per operation: fields weighted by their list arguments (kit cost-limit.ts). */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(DEFAULT_GRAPHQL_LIMITS.maxCost),
  /** Most field selections per operation, aliases and meta-fields (`__typename`, `__schema`) included. */
  GRAPHQL_MAX_FIELDS: z.coerce.number().int().min(1).default(DEFAULT_GRAPHQL_LIMITS.maxSelections),
  /** Most lexical tokens per document, enforced inside the parser (defaults: the kit's DEFAULT_GRAPHQL_LIMITS). */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(DEFAULT_GRAPHQL_LIMITS.maxTokens),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_GRAPHQL_LIMITS.maxAliases),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_GRAPHQL_LIMITS.maxDirectives),
  /** Values in one request's variables (list items and object entries each count). */
  GRAPHQL_MAX_VARIABLE_VALUES: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_GRAPHQL_LIMITS.maxVariableValues),
  /** Who may introspect: `signed-in` (GraphiQL in the web app signs in), `public`, or `off`. */
  GRAPHQL_INTROSPECTION: z.enum(['signed-in', 'public', 'off']).default('signed-in'),
  /**
   * Estimated cost (GRAPHQL_MAX_COST's units) one client's operations may spend per second, sustained; 0 turns the
   * budget off. A 50-incident dashboard costs about 500, so this is ~100 dashboards a second per client.
   */
  GRAPHQL_COST_PER_SECOND: z.coerce.number().min(0).default(50_000),
  /** Cost a client may spend at once above the sustained rate; at least GRAPHQL_MAX_COST, or the largest operation could never run. */
  GRAPHQL_COST_BURST: z.coerce.number().int().min(1).default(200_000),
  /** A subgraph that has not answered within this time fails the request with UNAVAILABLE. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Memory for reused answers (response-cache/response-cache.ts): a signed-in caller's read is answered again
   * without executing while nothing it reads has changed. 0 turns reuse off.
   */
  GATEWAY_RESPONSE_CACHE_MB: z.coerce.number().min(0).default(32),
  /** Apollo Gateway's hourly usage report to Apollo (uptime, CPU, memory): off unless set to `false`. */
  APOLLO_TELEMETRY_DISABLED: bool(true),
  /** Only for measuring: `false` opens a new connection per subgraph request, the baseline bench/gateway.ts uses. */
  SUBGRAPH_KEEP_ALIVE: bool(true),
};

export type GatewayEnv = ReturnType<typeof loadEnv<typeof shape>> & {
  /** The static supergraph the gateway serves (composed by `npm run compose`). */
  SUPERGRAPH_SDL: string;
  /** Subgraph name → URL, from `<NAME>_URL` when set, else the URL recorded in the supergraph. */
  SUBGRAPH_URLS: Record<string, string>;
};

/**
 * The gateway's whole configuration, read once. The subgraphs are the ones composed into the supergraph it
 * serves (only those can be routed to; composition takes them from the registry), each reachable at
 * `<NAME>_URL`, named by the registry's rule so the launcher's and docker-compose's settings match, else at the
 * URL the supergraph records (the registry's default port). A new domain needs no change here.
 */
export function loadGatewayEnv(source: NodeJS.ProcessEnv = process.env, supergraphSdl?: string): GatewayEnv {
  const env = loadEnv(shape, source);
  let sdl = supergraphSdl;
  if (sdl === undefined) {
    try {
      sdl = readFileSync(env.SUPERGRAPH_PATH, 'utf8');
    } catch (err) {
      throw new EnvError([
        `SUPERGRAPH_PATH: cannot read ${env.SUPERGRAPH_PATH} (${(err as Error).message}); run npm run compose`,
      ]);
    }
  }
  const urls: Record<string, string> = {};
  const problems: string[] = [];
  try {
    parseTrustedProxies(env.TRUSTED_PROXIES);
  } catch (err) {
    problems.push((err as Error).message);
  }
  try {
    parseOrigins(env.CORS_ORIGINS);
  } catch (err) {
    problems.push((err as Error).message);
  }
  for (const graph of subgraphsOf(sdl)) {
    const variable = subgraphUrlVariable(graph.name);
    const value = source[variable] || graph.url;
    if (z.string().url().safeParse(value).success) urls[graph.name] = value;
    else problems.push(`${variable}: must be a URL (got ${JSON.stringify(value)})`);
  }
  if (env.GRAPHQL_COST_PER_SECOND > 0 && env.GRAPHQL_COST_BURST < env.GRAPHQL_MAX_COST) {
    problems.push(
      'GRAPHQL_COST_BURST: must be at least GRAPHQL_MAX_COST, or the costliest operation never runs',
    );
  }
  if (problems.length) throw new EnvError(problems);
  return { ...env, SUPERGRAPH_SDL: sdl, SUBGRAPH_URLS: urls };
}
