import { type Principal, requireRole } from '@polystatus/kit';
import type { Flag } from '../domain/flag.ts';
import type { AuditPage } from '../store/flag-store.ts';
import type { FlagsDeps } from './deps.ts';

/** Definitions are read from Redis, not the snapshot: an admin sees a write another replica just made. */
export async function listFlags(deps: FlagsDeps, principal: Principal): Promise<Flag[]> {
  requireRole(principal, 'admin');
  return deps.store.all();
}

export async function readAudit(
  deps: FlagsDeps,
  principal: Principal,
  flagKey: string | null,
  first: number,
  after: string | null,
): Promise<AuditPage> {
  requireRole(principal, 'admin');
  return deps.store.audit(flagKey, first, after);
}
