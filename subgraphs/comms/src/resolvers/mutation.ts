import type { MutationResolvers } from '../generated/resolvers.ts';
import { createComponent, createComponentGroup, updateComponent } from '../service/components.ts';
import { changeMaintenanceStatus, scheduleMaintenance, updateMaintenance } from '../service/maintenances.ts';
import { publishAnnouncement } from '../service/publish-announcement.ts';

export const Mutation = {
  publishAnnouncement: (_, { input }, ctx) => publishAnnouncement(ctx.deps, ctx.principal, input),
  createComponentGroup: (_, { input }, ctx) => createComponentGroup(ctx.deps, ctx.principal, input),
  createComponent: (_, { input }, ctx) => createComponent(ctx.deps, ctx.principal, input),
  updateComponent: (_, { id, input }, ctx) => updateComponent(ctx.deps, ctx.principal, id, input),
  scheduleMaintenance: (_, { input }, ctx) => scheduleMaintenance(ctx.deps, ctx.principal, input),
  updateMaintenance: (_, { id, input }, ctx) => updateMaintenance(ctx.deps, ctx.principal, id, input),
  changeMaintenanceStatus: (_, args, ctx) =>
    changeMaintenanceStatus(ctx.deps, ctx.principal, args.id, args.status, args.message),
} satisfies MutationResolvers;
