import type { ServiceSpec } from './services.ts';

/**
 * The environment one service runs with: the shared variables, the URLs of the services it talks to (from the
 * ports every service was given) and its own PORT. The launcher gives it to a service's own process; the
 * single-process host gives it to each service it runs, so a service reads the same configuration in both modes.
 */
export const serviceEnv = (
  base: NodeJS.ProcessEnv,
  spec: ServiceSpec,
  ports: Record<string, number>,
  host: string,
): NodeJS.ProcessEnv => ({ ...base, ...spec.env(ports, host), PORT: String(ports[spec.name]) });
