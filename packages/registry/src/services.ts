import { subgraphUrlVariable } from './variables.ts';

/**
 * Every deployable process, in start order. The launcher, the end-to-end stack, the gateway's composition,
 * docker-compose's structure test and the README's port table all read this list, so adding a domain means
 * adding its folder and one entry to SUBGRAPHS (plus one to SERVICES for its REST adapter, if it has one).
 *
 * Each process reads its own port from `PORT`; the URLs it needs to reach its dependencies come from `env`,
 * computed from the ports the others were given.
 */
export type ServiceKind = 'subgraph' | 'gateway' | 'rest';

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

/** The domains. The gateway waits for each and is given each one's `<NAME>_URL`, so none is named twice. */
export const SUBGRAPHS: ServiceSpec[] = [subgraph('users', 4001), subgraph('incidents', 4002)];

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

export const SERVICES: ServiceSpec[] = [...SUBGRAPHS, gateway, rest('users', 8080), rest('incidents', 8081)];

export const defaultPorts = (): Record<string, number> =>
  Object.fromEntries(SERVICES.map((s) => [s.name, s.defaultPort]));
