import type { FeedHealth } from './provider.ts';

export interface CircuitPolicy {
  /** Failed polls in a row that open the circuit. */
  threshold: number;
  /** First wait before a trial poll; doubles with each failed trial, at most 32 times as long. */
  cooldownMs: number;
}

/**
 * Whether a scheduled poll may run now. An open circuit skips polls until its retry time; the first poll after
 * it is the trial (half-open). A manual refresh ignores this: an operator asking is the best trial there is.
 */
export const mayPoll = (health: FeedHealth, now: number): boolean =>
  health.circuit !== 'open' || (health.circuitRetryAt !== null && now >= health.circuitRetryAt);

export interface PollOutcome {
  at: number;
  durationMs: number;
  httpStatus: number | null;
  /** null: the feed was read (or was unchanged); otherwise what went wrong, for the operator. */
  error: string | null;
}

/**
 * The feed's health after a poll. Success closes the circuit and clears the count; a failure counts, and the
 * `threshold`-th in a row opens the circuit (or a failed trial re-opens it for twice as long).
 */
export function nextHealth(health: FeedHealth, outcome: PollOutcome, policy: CircuitPolicy): FeedHealth {
  const common = {
    lastPollAt: outcome.at,
    lastHttpStatus: outcome.httpStatus,
    lastDurationMs: outcome.durationMs,
  };
  if (outcome.error === null) {
    return {
      ...health,
      ...common,
      lastSuccessAt: outcome.at,
      consecutiveFailures: 0,
      circuit: 'closed',
      circuitRetryAt: null,
      circuitTrips: 0,
    };
  }
  const failures = health.consecutiveFailures + 1;
  const failed = {
    ...health,
    ...common,
    lastErrorAt: outcome.at,
    lastError: outcome.error,
    consecutiveFailures: failures,
  };
  const trial = health.circuit !== 'closed';
  if (!trial && failures < policy.threshold) return failed;
  const trips = trial ? health.circuitTrips + 1 : 0;
  const wait = policy.cooldownMs * 2 ** Math.min(trips, 5);
  return { ...failed, circuit: 'open', circuitRetryAt: outcome.at + wait, circuitTrips: trips };
}

/** What GraphQL shows: an open circuit whose retry time has come is waiting for its trial, i.e. half-open. */
export const visibleCircuit = (health: FeedHealth, now: number): FeedHealth['circuit'] =>
  health.circuit === 'open' && health.circuitRetryAt !== null && now >= health.circuitRetryAt
    ? 'half_open'
    : health.circuit;
