import { loadEnv } from '@polystatus/kit';
import { z } from 'zod';

/** Realtime limits, read once with the kit's loadEnv; every one has a default that suits a single gateway. */
const shape = {
  /** Seconds between WebSocket pings; a peer that misses a pong for as long is dropped. */
  REALTIME_KEEP_ALIVE_MS: z.coerce.number().int().positive().default(12_000),
  /** Subscriptions one socket may hold at once. */
  REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().positive().default(50),
  /** Results waiting for one subscriber before it is cut off as a slow consumer. */
  REALTIME_MAX_QUEUED: z.coerce.number().int().positive().default(500),
  /** Bytes a socket may have unsent before it is cut off as a slow consumer. */
  REALTIME_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  /** How often every socket's token is checked again (expiry); revocations are acted on at once. */
  REALTIME_RECHECK_MS: z.coerce.number().int().positive().default(30_000),
  /** Time a client has to send connection_init. */
  REALTIME_INIT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
};

/** Only the realtime settings; `loadEnv` also returns the base variables, which the realtime server reads elsewhere. */
export type RealtimeConfig = z.infer<z.ZodObject<typeof shape>>;

export const loadRealtimeConfig = (source: NodeJS.ProcessEnv = process.env): RealtimeConfig =>
  loadEnv(shape, source);
