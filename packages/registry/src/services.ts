import { subgraphUrlVariable } from './variables.ts';

/**
 * Every deployable process, in start order. The launcher, the end-to-end stack, the gateway's composition,
 * docker-compose's structure test and the README's port table all read this list, so adding a domain means
 * adding its folder and one entry to SUBGRAPHS (plus one to SERVICES for its REST adapter, if it has one).
 *
 * Each process reads its own port from `PORT`; the URLs it needs to reach its dependencies come from `env`,
 * computed from the ports the others were given.
 */
export type ServiceKind = 'subgraph' | 'gateway' | 'rest' | 'web';

export interface ServiceSpec {
  name: string;
  kind: ServiceKind;
  /** The workspace folder; the entry point is `<dir>/src/main.ts`. */
  dir: string;
  defaultPort: number;
  /** Services that must answer /readyz before this one starts. */
  dependsOn: string[];
  /** Extra environment, given the ports every service was assigned. */
  env: (ports: Record<string, number>, host: string) => Record<string, string>;
  /**
   * Least time it may take to answer /readyz at start, when that is longer than the launcher's
   * POLYSTATUS_READY_TIMEOUT_MS (the web app builds itself first when its build is missing or stale).
   */
  minReadyTimeoutMs?: number;
}

const url = (host: string, port: number | undefined, path = '') => `http://${host}:${port}${path}`;

/** A Federation subgraph: `subgraphs/<name>`, composed into the supergraph, needing nothing but Redis. */
const subgraph = (name: string, defaultPort: number): ServiceSpec => ({
  name,
  kind: 'subgraph',
  dir: `subgraphs/${name}`,
  defaultPort,
  dependsOn: [],
  env: () => ({}),
});

/**
 * The flags subgraph writes kill-switch mitigations to incident timelines through the gateway. It is given the
 * gateway's URL but does not depend on it (the gateway depends on the subgraphs): it calls lazily and degrades.
 */
const flags: ServiceSpec = {
  ...subgraph('flags', 4005),
  env: (p, h) => ({ GATEWAY_URL: url(h, p.gateway, '/graphql') }),
};

/**
 * The csp subgraph opens incidents from providers' events through the gateway, as the `csp` service principal;
 * like flags it is given the gateway's URL without depending on it, and retries while the gateway is down.
 */
const csp: ServiceSpec = {
  ...subgraph('csp', 4004),
  env: (p, h) => ({ GATEWAY_URL: url(h, p.gateway, '/graphql') }),
};

/**
 * The comms subgraph reads incidents through the gateway as the `comms` service principal (announcements need
 * the incident, the public page its title and status); like csp it is given the gateway's URL without depending
 * on it, calls lazily and retries while the gateway is down.
 */
const comms: ServiceSpec = {
  ...subgraph('comms', 4003),
  env: (p, h) => ({ GATEWAY_URL: url(h, p.gateway, '/graphql') }),
};

/** The domains. The gateway waits for each and is given each one's `<NAME>_URL`, so none is named twice. */
export const SUBGRAPHS: ServiceSpec[] = [
  subgraph('users', 4001),
  subgraph('incidents', 4002),
  comms,
  csp,
  flags,
];

const gateway: ServiceSpec = {
  name: 'gateway',
  kind: 'gateway',
  dir: 'gateway',
  defaultPort: 4000,
  dependsOn: SUBGRAPHS.map((s) => s.name),
  env: (p, h) => ({
    ...Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s.name), url(h, p[s.name], '/graphql')])),
    // Not a subgraph URL: where the gateway verifies tokens (JWKS, introspection), the users service's root.
    USERS_SERVICE_URL: url(h, p.users),
  }),
};

/** A REST adapter: `rest-adapters/<domain>`, speaking GraphQL to the gateway. */
const rest = (domain: string, defaultPort: number): ServiceSpec => ({
  name: `rest-${domain}`,
  kind: 'rest',
  dir: `rest-adapters/${domain}`,
  defaultPort,
  dependsOn: ['gateway'],
  env: (p, h) => ({ GATEWAY_URL: url(h, p.gateway, '/graphql') }),
});

/**
 * The web app (`web/`, Next.js): its `src/main.ts` builds when stale and serves the production build. Browsers
 * call the gateway directly; GATEWAY_URL is handed to them at request time, so the build fits any port. The
 * public status page is rendered from rest-comms's in-memory snapshot (COMMS_PUBLIC_URL, decision 0010), read per
 * request; it does not wait for rest-comms to start (the page says so while it is away).
 */
const web: ServiceSpec = {
  name: 'web',
  kind: 'web',
  dir: 'web',
  defaultPort: 3000,
  dependsOn: ['gateway'],
  env: (p, h) => ({ GATEWAY_URL: url(h, p.gateway, '/graphql'), COMMS_PUBLIC_URL: url(h, p['rest-comms']) }),
  // `next build` on a fresh clone: 15–65 s on a 2-core machine, more on a smaller VM.
  minReadyTimeoutMs: 300_000,
};

export const SERVICES: ServiceSpec[] = [
  ...SUBGRAPHS,
  gateway,
  rest('users', 8080),
  rest('incidents', 8081),
  rest('comms', 8082),
  rest('csp', 8083),
  rest('flags', 8070),
  web,
];

export const defaultPorts = (): Record<string, number> =>
  Object.fromEntries(SERVICES.map((s) => [s.name, s.defaultPort]));
