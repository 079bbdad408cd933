import type { Component } from '../domain/component.ts';
import type {
  AnnouncementResolvers,
  ComponentGroupResolvers,
  ComponentImpactResolvers,
  ComponentResolvers,
  IncidentResolvers,
  MaintenanceResolvers,
  UptimeDayResolvers,
} from '../generated/resolvers.ts';
import { componentHistory, componentUptime, incidentAnnouncements } from '../service/reads.ts';

export const IncidentType = {
  __resolveReference: (ref) => ({ id: ref.id }),
  announcements: (inc, _, ctx) => incidentAnnouncements(ctx.loaders, ctx.principal, inc.id),
  lastPublic: async (inc, _, ctx) =>
    (await incidentAnnouncements(ctx.loaders, ctx.principal, inc.id))[0] ?? null,
} satisfies IncidentResolvers;

export const AnnouncementType = {
  __resolveReference: (ref, ctx) => ctx.loaders.announcement.load(ref.id),
  incident: (a) => ({ id: a.incidentId }),
  author: (a) => ({ id: a.authorId }),
} satisfies AnnouncementResolvers;

export const ComponentImpactType = {
  component: (i, _, ctx) => ctx.loaders.component.load(i.componentId),
} satisfies ComponentImpactResolvers;

export const ComponentType = {
  __resolveReference: (ref, ctx) => ctx.loaders.component.load(ref.id),
  group: (c, _, ctx) => (c.groupId ? ctx.loaders.group.load(c.groupId) : null),
  history: (c, args, ctx) => componentHistory(ctx.deps, ctx.principal, c.id, args.first),
  uptime: (c, args, ctx) => componentUptime(ctx.deps, ctx.principal, c, args.days),
} satisfies ComponentResolvers;

export const ComponentGroupType = {
  components: async (g, _, ctx) =>
    (await ctx.deps.store.components()).filter((c): c is Component => c !== null && c.groupId === g.id),
} satisfies ComponentGroupResolvers;

export const MaintenanceType = {
  __resolveReference: (ref, ctx) => ctx.loaders.maintenance.load(ref.id),
  components: async (m, _, ctx) =>
    (await ctx.loaders.component.loadMany(m.componentIds)).filter(
      (c): c is Component => c !== null && !(c instanceof Error),
    ),
} satisfies MaintenanceResolvers;

/** Seconds are summed from millisecond spans; the schema promises whole seconds. */
export const UptimeDayType = {
  observedSeconds: (d) => Math.round(d.observedSeconds),
  majorOutageSeconds: (d) => Math.round(d.majorOutageSeconds),
  partialOutageSeconds: (d) => Math.round(d.partialOutageSeconds),
  degradedSeconds: (d) => Math.round(d.degradedSeconds),
  maintenanceSeconds: (d) => Math.round(d.maintenanceSeconds),
} satisfies UptimeDayResolvers;
