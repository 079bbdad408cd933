import type { ReadinessCheck } from '../http/server.ts';

/**
 * The services ("parts") of this process that have failed. In single mode one process runs every service, each on
 * its own port; when one part fails the host stops them all and exits (the launcher restarts the process whole),
 * and while they drain every part's /readyz answers 503 naming the part that failed, so whichever port an operator
 * or a load balancer probes tells what went wrong. A process that runs one service has one part: its own failure.
 */
const failures = new Map<string, string>();

export function reportPartFailure(part: string, reason: string): void {
  if (!failures.has(part)) failures.set(part, reason);
}

/** The `/readyz` check every kit service carries (as `process`): fails once any part of this process failed. */
export const processPartsCheck: ReadinessCheck = async () => {
  if (failures.size === 0) return;
  throw new Error(
    `failed in this process: ${[...failures].map(([part, reason]) => `${part} (${reason})`).join('; ')}`,
  );
};

/** For tests that run several hosts in one worker. */
export const clearPartFailures = (): void => failures.clear();
