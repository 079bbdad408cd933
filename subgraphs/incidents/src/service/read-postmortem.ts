import { type Principal, requireRole } from '@polystatus/kit';
import type { Postmortem } from '../domain/incident.ts';
import type { IncidentsLoaders } from '../loaders.ts';

export async function latestPostmortem(
  loaders: IncidentsLoaders,
  principal: Principal,
  incidentId: string,
): Promise<Postmortem | null> {
  requireRole(principal, 'viewer');
  return loaders.postmortem.load(incidentId);
}

/** Every version, oldest first. */
export async function postmortemHistory(
  loaders: IncidentsLoaders,
  principal: Principal,
  incidentId: string,
): Promise<Postmortem[]> {
  requireRole(principal, 'viewer');
  return loaders.postmortemHistory.load(incidentId);
}
