import { type Principal, requireRole } from '@polystatus/kit';
import type { Incident } from '../domain/incident.ts';
import type { IncidentsLoaders } from '../loaders.ts';

/** Null when there is no such incident: `incident(id)` and entity references both answer "not there" that way. */
export async function getIncident(
  loaders: IncidentsLoaders,
  principal: Principal,
  id: string,
): Promise<Incident | null> {
  requireRole(principal, 'viewer');
  return loaders.incident.load(id);
}
