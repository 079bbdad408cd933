import { DomainError } from '@polystatus/kit';

/** What ioredis throws when Redis cannot be reached or does not answer in time (not script or data errors). */
const CONNECTIVITY = /Command timed out|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH/;

/**
 * A Redis outage becomes UNAVAILABLE (503 with Retry-After on REST), which clients may retry, instead of an
 * INTERNAL error they may not. Anything else is a fault and passes through unchanged.
 */
export function asUnavailable(err: unknown): unknown {
  if (err instanceof Error && (err.name === 'MaxRetriesPerRequestError' || CONNECTIVITY.test(err.message))) {
    return new DomainError('UNAVAILABLE', 'the incident store is unreachable; retry shortly', {
      retryAfter: 1,
    });
  }
  return err;
}
