import { parseTrustedProxies, port } from '@polystatus/kit';
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
  /**
   * Memory for GET answers reused while the gateway says the answer they were built from still stands
   * (answer-reuse.ts); 0 turns reuse off.
   */
  REST_ANSWER_REUSE_MB: z.coerce.number().min(0).default(16),
  /**
   * The gateway's per-client limit (same names and defaults), applied to the answers this adapter sends again
   * without asking the gateway (answer-reuse.ts); everything else is limited by the gateway itself.
   */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(500),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(1000),
  /**
   * Proxies (addresses or CIDR blocks, or `none`) whose X-Forwarded-For is believed, as at the gateway: the
   * adapter hands the client's own address on to the gateway (its rate limits and cost budget) and to handlers
   * with per-client limits, so behind a reverse proxy every client must not look like the proxy.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.0/8,::1/128')
    .transform((spec, ctx) => {
      try {
        return parseTrustedProxies(spec);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
};

export const restAdapterEnvWithPort = (defaultPort: number) => ({
  ...restAdapterEnv,
  PORT: port(defaultPort),
});
