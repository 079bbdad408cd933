import { DomainError, type Principal, pageSize, requireRole } from '@polystatus/kit';
import type { Announcement } from '../domain/announcement.ts';
import type { Component, ComponentGroup, StatusChange } from '../domain/component.ts';
import type { Maintenance, MaintenanceStatus } from '../domain/maintenance.ts';
import { computeUptime, type Uptime } from '../domain/uptime.ts';
import type { CommsLoaders } from '../loaders.ts';
import type { PublicSummary } from '../public/render/polystatus.ts';
import type { CommsDeps } from './deps.ts';

const present = <T>(list: (T | null)[]): T[] => list.filter((x): x is T => x !== null);

export async function listComponents(deps: CommsDeps, principal: Principal): Promise<Component[]> {
  requireRole(principal, 'viewer');
  const [components, groups] = await Promise.all([deps.store.components(), deps.store.groups()]);
  const position = new Map(present(groups).map((g) => [g.id, g.position]));
  const rank = (c: Component) => (c.groupId ? (position.get(c.groupId) ?? 0) : c.position);
  return present(components).sort((a, b) => rank(a) - rank(b) || a.position - b.position);
}

export async function listGroups(deps: CommsDeps, principal: Principal): Promise<ComponentGroup[]> {
  requireRole(principal, 'viewer');
  return present(await deps.store.groups());
}

export async function getComponent(loaders: CommsLoaders, principal: Principal, id: string) {
  requireRole(principal, 'viewer');
  return loaders.component.load(id);
}

export async function componentHistory(
  deps: CommsDeps,
  principal: Principal,
  id: string,
  first: number | null | undefined,
): Promise<StatusChange[]> {
  requireRole(principal, 'viewer');
  return deps.store.history(id, pageSize(first, 50));
}

export async function componentUptime(
  deps: CommsDeps,
  principal: Principal,
  c: Component,
  days: number | null | undefined,
): Promise<Uptime> {
  requireRole(principal, 'viewer');
  const n = days ?? 90;
  if (!Number.isInteger(n) || n < 1 || n > 90)
    throw new DomainError('VALIDATION', 'days must be from 1 to 90', {
      details: [{ field: 'days', issue: 'must be an integer from 1 to 90' }],
    });
  const now = deps.clock();
  const since = Math.floor(now / 86_400_000) * 86_400_000 - (n - 1) * 86_400_000;
  const { before, within } = await deps.store.historySince(c.id, since);
  return computeUptime({ createdAt: c.createdAt, before, within, now, days: n });
}

export async function listMaintenances(
  deps: CommsDeps,
  principal: Principal,
  args: { status?: MaintenanceStatus[] | null; first?: number | null },
): Promise<Maintenance[]> {
  requireRole(principal, 'viewer');
  const first = pageSize(args.first, 50);
  const ids = await deps.store.recentMaintenanceIds(args.status ? 500 : first);
  const list = present(await deps.store.maintenances(ids));
  return (args.status ? list.filter((m) => args.status!.includes(m.status)) : list).slice(0, first);
}

export async function getMaintenance(loaders: CommsLoaders, principal: Principal, id: string) {
  requireRole(principal, 'viewer');
  return loaders.maintenance.load(id);
}

export async function getAnnouncement(loaders: CommsLoaders, principal: Principal, id: string) {
  requireRole(principal, 'viewer');
  return loaders.announcement.load(id);
}

export async function incidentAnnouncements(
  loaders: CommsLoaders,
  principal: Principal,
  incidentId: string,
): Promise<Announcement[]> {
  requireRole(principal, 'viewer');
  return loaders.announcementsOf.load(incidentId);
}

/** Public: what the public page shows, from the stored snapshot (null before the first rendering). */
export async function publicSummary(
  deps: CommsDeps,
): Promise<{ renderedAt: number; summary: PublicSummary } | null> {
  const snapshot = await deps.publicPage.current();
  const doc = snapshot?.documents.find((d) => d.path === '/api/v1/public/summary');
  if (!snapshot || !doc) return null;
  return { renderedAt: Date.parse(snapshot.renderedAt), summary: JSON.parse(doc.body) as PublicSummary };
}
