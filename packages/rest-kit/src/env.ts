import { port } from '@polystatus/kit';
import { z } from 'zod';

/** Variables every REST adapter understands; an adapter's config adds its own `PORT` default. */
export const restAdapterEnv = {
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  /**
   * Longer than the gateway's own worst case (SUBGRAPH_TIMEOUT_MS 10 s plus token introspection 2 s), so a slow
   * subgraph is reported by the gateway, which knows which one, rather than as "the gateway did not answer".
   */
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  GATEWAY_CONNECTIONS: z.coerce.number().int().positive().default(32),
};

export const restAdapterEnvWithPort = (defaultPort: number) => ({
  ...restAdapterEnv,
  PORT: port(defaultPort),
});
