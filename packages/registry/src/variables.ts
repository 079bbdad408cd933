/** `rest-incidents` → `REST_INCIDENTS`: how a service name becomes the stem of its environment variables. */
const stem = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** `rest-incidents` → `REST_INCIDENTS_PORT`: the variable that overrides a service's port. */
export const portVariable = (name: string): string => `${stem(name)}_PORT`;

/**
 * `incidents` → `INCIDENTS_URL`, `feature-flags` → `FEATURE_FLAGS_URL`: where the gateway reaches a subgraph's
 * `/graphql`. The launcher sets it from the registry, docker-compose sets it by hand, the gateway reads it.
 */
export const subgraphUrlVariable = (name: string): string => `${stem(name)}_URL`;
