/**
 * When a service that was ready exits on its own, the launcher restarts it after a delay that doubles with each
 * crash (capped), and gives up on that service alone once it crashed more than `maxRestarts` times within
 * `windowMs`. Crashes older than the window are forgotten, so a service that stays up for a while starts again
 * from the shortest delay.
 */
export interface RestartPolicy {
  /** Restarts allowed within the window; one crash more and the service is given up. */
  maxRestarts: number;
  windowMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxRestarts: 5,
  windowMs: 60_000,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
};

export type RestartDecision =
  | { action: 'restart'; delayMs: number; crashes: number }
  | { action: 'give-up'; crashes: number };

/** Counts one service's crashes and decides what each new one calls for. */
export class CrashHistory {
  private crashes: number[] = [];

  constructor(private readonly policy: RestartPolicy) {}

  crashed(now: number): RestartDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.policy.windowMs);
    this.crashes.push(now);
    const crashes = this.crashes.length;
    if (crashes > this.policy.maxRestarts) return { action: 'give-up', crashes };
    const delayMs = Math.min(this.policy.initialDelayMs * 2 ** (crashes - 1), this.policy.maxDelayMs);
    return { action: 'restart', delayMs, crashes };
  }
}

/** `POLYSTATUS_MAX_RESTARTS`: a whole number, 0 meaning "never restart, give up on the first crash". */
export function maxRestartsFrom(
  value: string | undefined,
  fallback = DEFAULT_RESTART_POLICY.maxRestarts,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`POLYSTATUS_MAX_RESTARTS: not a whole number: ${value}`);
  return n;
}
