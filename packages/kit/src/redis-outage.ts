import type { Command, Redis } from 'ioredis';
import { DomainError } from './errors.ts';

/** Seconds a client is told to wait: the client reconnects within a few hundred ms of Redis coming back. */
export const REDIS_OUTAGE_RETRY_AFTER = 1;

/** What ioredis rejects with when Redis cannot be reached or does not answer in time (not script or data errors). */
const CONNECTIVITY =
  /Command timed out|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|EPIPE/;

export function isRedisOutage(err: unknown): boolean {
  return err instanceof Error && (err.name === 'MaxRetriesPerRequestError' || CONNECTIVITY.test(err.message));
}

/**
 * A Redis outage becomes UNAVAILABLE (503 with Retry-After through REST), which clients may retry, instead of an
 * INTERNAL error they may not. Anything else is a fault and passes through unchanged.
 */
export function asUnavailable(err: unknown): unknown {
  if (!isRedisOutage(err)) return err;
  return new DomainError('UNAVAILABLE', 'the data store is unreachable; retry shortly', {
    retryAfter: REDIS_OUTAGE_RETRY_AFTER,
    cause: err,
  });
}

const mapped = new WeakSet<Command>();

/**
 * Makes every command sent on `client` reject with `asUnavailable(err)`: plain commands, pipelines, MULTI and
 * scripts alike, since they all pass through `sendCommand` (a pipeline's per-command results and the promise of
 * an auto-pipelined call are settled from the command's own rejection). This is the one place an outage is
 * translated, so no store wraps its calls in try/catch. `createRedis` applies it to every client it opens.
 */
export function mapRedisOutages(client: Redis): void {
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command: Command, ...rest: unknown[]) => {
    // A command queued while offline is sent again on reconnect; wrap its rejection once.
    if (!mapped.has(command)) {
      mapped.add(command);
      const reject = command.reject;
      command.reject = (err: Error) => reject(asUnavailable(err) as Error);
    }
    return (send as (c: Command, ...r: unknown[]) => unknown)(command, ...rest);
  };
}
