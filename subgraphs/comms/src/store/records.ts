import type { Announcement } from '../domain/announcement.ts';
import type { Component, ComponentGroup } from '../domain/component.ts';
import type { MirroredIncident } from '../domain/incident.ts';
import type { Maintenance } from '../domain/maintenance.ts';

/**
 * Records are stored as JSON strings. Lua's cjson writes an empty list as `{}` (it cannot tell an empty array
 * from an empty object), so every list field is read through `list`.
 */
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const map = <T>(v: unknown): Record<string, T> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, T>) : {};
const nullable = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

export function parseComponent(raw: string): Component {
  const c = JSON.parse(raw) as Component;
  return {
    ...c,
    groupId: nullable(c.groupId),
    createdAt: Number(c.createdAt),
    updatedAt: Number(c.updatedAt),
  };
}

export const parseGroup = (raw: string): ComponentGroup => JSON.parse(raw) as ComponentGroup;

export function parseAnnouncement(raw: string): Announcement {
  const a = JSON.parse(raw) as Announcement;
  return { ...a, publishedAt: Number(a.publishedAt), impacts: list(a.impacts) };
}

export function parseMaintenance(raw: string): Maintenance {
  const m = JSON.parse(raw) as Maintenance;
  return {
    ...m,
    componentIds: list(m.componentIds),
    updates: list(m.updates),
    startedAt: nullable(m.startedAt),
    completedAt: nullable(m.completedAt),
  };
}

export function parseIncident(raw: string): MirroredIncident {
  const i = JSON.parse(raw) as MirroredIncident;
  return {
    ...i,
    services: list(i.services),
    resolvedAt: nullable(i.resolvedAt),
    state: nullable(i.state),
    lastAnnouncementId: nullable(i.lastAnnouncementId),
    impacts: map(i.impacts),
  };
}

export const asList = list;
