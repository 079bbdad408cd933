import { loadEnv } from '@polystatus/kit';
import { restAdapterEnvWithPort } from '@polystatus/rest-kit';
import { z } from 'zod';

/**
 * PORT (default 8082) and GATEWAY_URL, plus the kit's base variables: REDIS_URL and REDIS_KEY_PREFIX locate the
 * one published key this adapter reads, the public snapshot (and the comms stream that announces a new one).
 */
export const loadCommsRestEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnv(
    {
      ...restAdapterEnvWithPort(8082),
      /** Live banner streams (server-sent events) one process holds; keep it well under `ulimit -n`. */
      COMMS_BANNER_STREAM_MAX: z.coerce.number().int().min(0).default(10_000),
      /** Of those, streams one client address may hold; beyond it the widget polls once a minute. */
      COMMS_BANNER_STREAM_MAX_PER_ADDRESS: z.coerce.number().int().min(0).default(20),
    },
    source,
  );

export type CommsRestEnv = ReturnType<typeof loadCommsRestEnv>;
