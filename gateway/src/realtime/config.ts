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
  /**
   * Sockets one gateway process holds at most, all clients together. Keep it well under the process's open-file
   * limit (`ulimit -n`): what is left serves HTTP, subgraph connections and Redis.
   */
  REALTIME_MAX_SOCKETS: z.coerce.number().int().positive().default(10_000),
  /** Sockets one client address may hold (a NAT or office behind one address needs a few dozen). */
  REALTIME_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().positive().default(200),
  /** Of those, anonymous ones (public subscriptions only). */
  REALTIME_MAX_ANONYMOUS_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  /** New sockets one address may open per second, sustained, and at once above that. */
  REALTIME_CONNECTS_PER_SECOND: z.coerce.number().positive().default(10),
  REALTIME_CONNECT_BURST: z.coerce.number().int().positive().default(50),
  /** An anonymous socket holding no subscription for this long is closed (4410). */
  REALTIME_ANONYMOUS_IDLE_MS: z.coerce.number().int().positive().default(30_000),
};

/** Only the realtime settings; `loadEnv` also returns the base variables, which the realtime server reads elsewhere. */
export type RealtimeConfig = z.infer<z.ZodObject<typeof shape>>;

export const loadRealtimeConfig = (source: NodeJS.ProcessEnv = process.env): RealtimeConfig =>
  loadEnv(shape, source);
