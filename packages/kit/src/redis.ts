import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger.ts';
import { mapRedisOutages } from './redis-outage.ts';

export type { Redis };

export interface RedisFactoryOptions {
  url: string;
  /** Shown in CLIENT LIST and in logs. */
  name: string;
  /** Prefix for every key this process builds; each domain's `keys.ts` takes it from here. */
  keyPrefix: string;
  commandTimeoutMs: number;
  logger?: Logger;
  /** Blocking readers (XREAD BLOCK) must not be cut off by the command timeout. */
  blocking?: boolean;
}

export interface RedisHandle {
  client: Redis;
  keyPrefix: string;
  /** Resolves when a PING answers, rejects after `timeoutMs`. Used by /readyz. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The one way services open Redis. Reconnects with capped exponential backoff; commands fail fast with a
 * timeout instead of queueing forever, and an outage rejects as DomainError UNAVAILABLE (redis-outage.ts), so a
 * dead or paused Redis turns into a 503 on the affected routes rather than requests hanging or failing as internal.
 */
export function createRedis(opts: RedisFactoryOptions): RedisHandle {
  const options: RedisOptions = {
    connectionName: `polystatus:${opts.name}`,
    lazyConnect: false,
    enableAutoPipelining: !opts.blocking,
    maxRetriesPerRequest: opts.blocking ? null : 2,
    ...(opts.blocking ? {} : { commandTimeout: opts.commandTimeoutMs }),
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2000),
    reconnectOnError: (err) => err.message.startsWith('READONLY'),
  };
  const client = new Redis(opts.url, options);
  mapRedisOutages(client);
  let lastError = '';
  client.on('error', (err: Error) => {
    // ioredis emits one error per failed reconnect; log each distinct message once to keep logs readable.
    if (err.message !== lastError) opts.logger?.warn({ err: err.message }, 'redis error');
    lastError = err.message;
  });
  client.on('ready', () => {
    if (lastError) opts.logger?.info('redis reconnected');
    lastError = '';
  });

  return {
    client,
    keyPrefix: opts.keyPrefix,
    async ping(timeoutMs = 1000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('redis ping timed out')), timeoutMs);
      });
      try {
        await Promise.race([client.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
