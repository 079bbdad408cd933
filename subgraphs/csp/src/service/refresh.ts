import { type Principal, requireRole } from '@polystatus/kit';
import type { CspDeps } from './deps.ts';
import { type RefreshResult, refreshProvider } from './refresh-provider.ts';

/**
 * A refresh asked for by a person or a script: polls now whatever the schedule and the circuit say (an
 * operator asking is the best trial a circuit can get). Requires responder.
 */
export function refreshNow(deps: CspDeps, principal: Principal, providerId: string): Promise<RefreshResult> {
  requireRole(principal, 'responder');
  return refreshProvider(deps, providerId);
}
