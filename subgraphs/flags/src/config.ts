import { EVENT_STREAM_MAXLEN, loadEnv, port } from '@polystatus/kit';
import { z } from 'zod';

const shape = {
  PORT: port(4005),
  /** Approximate cap of `<prefix>:flags:events`; consumers further behind than this miss events. */
  FLAGS_EVENT_STREAM_MAXLEN: z.coerce.number().int().positive().default(EVENT_STREAM_MAXLEN),
  /** The gateway a kill switch writes its incident timeline entry through (as the `flags` service principal). */
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /**
   * How long a kill switch waits for that timeline entry before answering without it. The toggle is already
   * applied by then; this only bounds how long the responder waits to hear about the timeline.
   */
  FLAGS_TIMELINE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(64).default(12),
};

export type FlagsEnv = ReturnType<typeof loadFlagsEnv>;

export const loadFlagsEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(shape, source);
