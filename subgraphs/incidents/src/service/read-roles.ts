import { type Principal, requireRole } from '@polystatus/kit';
import type { RoleAssignment, UserIncidentRoles } from '../domain/roles.ts';
import type { IncidentsLoaders } from '../loaders.ts';

export async function incidentRoles(
  loaders: IncidentsLoaders,
  principal: Principal,
  incidentId: string,
): Promise<RoleAssignment[]> {
  requireRole(principal, 'viewer');
  return loaders.roles.load(incidentId);
}

/** `User.incidentRoles`: the incidents not resolved in which the user holds a role, newest first. */
export async function userIncidentRoles(
  loaders: IncidentsLoaders,
  principal: Principal,
  userId: string,
): Promise<UserIncidentRoles[]> {
  requireRole(principal, 'viewer');
  const ids = await loaders.roleHoldings.load(userId);
  const [incidents, roles] = await Promise.all([loaders.incident.loadMany(ids), loaders.roles.loadMany(ids)]);
  const out: UserIncidentRoles[] = [];
  ids.forEach((_, i) => {
    const incident = incidents[i];
    const held = roles[i];
    if (incident instanceof Error) throw incident;
    if (held instanceof Error) throw held;
    if (!incident || !held || incident.status === 'resolved') return;
    const mine = held.filter((r) => r.userId === userId).map((r) => r.role);
    if (mine.length > 0) out.push({ incident, roles: mine });
  });
  return out;
}
