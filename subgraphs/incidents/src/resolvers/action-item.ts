import { isOverdue } from '../domain/action-item.ts';
import type { ActionItemResolvers } from '../generated/resolvers.ts';
import { getIncident } from '../service/get-incident.ts';
import { userRef } from './user-ref.ts';

export const ActionItemType = {
  incident: (a, _, ctx) => getIncident(ctx.loaders, ctx.principal, a.incidentId),
  owner: (a) => userRef(a.ownerId),
  createdBy: (a) => userRef(a.createdById),
  overdue: (a, _, ctx) => isOverdue(a, ctx.deps.clock()),
} satisfies ActionItemResolvers;
