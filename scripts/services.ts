/**
 * Every deployable process, in start order. The launcher, the end-to-end stack, docker-compose's structure test
 * and the README's port table all read this list, so adding a domain means adding one entry here.
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

export const SERVICES: ServiceSpec[] = [
  {
    name: 'users',
    kind: 'subgraph',
    dir: 'subgraphs/users',
    defaultPort: 4001,
    dependsOn: [],
    env: () => ({}),
  },
  {
    name: 'incidents',
    kind: 'subgraph',
    dir: 'subgraphs/incidents',
    defaultPort: 4002,
    dependsOn: [],
    env: () => ({}),
  },
  {
    name: 'gateway',
    kind: 'gateway',
    dir: 'gateway',
    defaultPort: 4000,
    dependsOn: ['users', 'incidents'],
    env: (p, h) => ({
      USERS_URL: url(h, p.users, '/graphql'),
      INCIDENTS_URL: url(h, p.incidents, '/graphql'),
      USERS_SERVICE_URL: url(h, p.users),
    }),
  },
  {
    name: 'rest-users',
    kind: 'rest',
    dir: 'rest-adapters/users',
    defaultPort: 8080,
    dependsOn: ['gateway'],
    env: (p, h) => ({ GATEWAY_URL: url(h, p.gateway, '/graphql') }),
  },
  {
    name: 'rest-incidents',
    kind: 'rest',
    dir: 'rest-adapters/incidents',
    defaultPort: 8081,
    dependsOn: ['gateway'],
    env: (p, h) => ({ GATEWAY_URL: url(h, p.gateway, '/graphql') }),
  },
];

export const defaultPorts = (): Record<string, number> =>
  Object.fromEntries(SERVICES.map((s) => [s.name, s.defaultPort]));
