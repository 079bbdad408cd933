import { port } from '@polystatus/kit';
import { z } from 'zod';

/** Variables every REST adapter understands; an adapter's config adds its own `PORT` default. */
export const restAdapterEnv = {
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  GATEWAY_CONNECTIONS: z.coerce.number().int().positive().default(32),
};

export const restAdapterEnvWithPort = (defaultPort: number) => ({
  ...restAdapterEnv,
  PORT: port(defaultPort),
});
