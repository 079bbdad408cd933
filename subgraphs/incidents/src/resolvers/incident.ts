import { toConnection } from '@polystatus/kit';
import type {
  IncidentResolvers,
  IncidentRoleAssignmentResolvers,
  PostmortemActionItemResolvers,
  PostmortemResolvers,
  TimelineEventResolvers,
} from '../generated/resolvers.ts';
import { getIncident } from '../service/get-incident.ts';
import { listActionItems } from '../service/list-action-items.ts';
import { latestPostmortem, postmortemHistory } from '../service/read-postmortem.ts';
import { incidentRoles } from '../service/read-roles.ts';
import { readTimeline } from '../service/read-timeline.ts';
import { userRef } from './user-ref.ts';

export const IncidentType = {
  // The gateway reaches incidents through `_entities` too, without passing through Query: same guard, same loader.
  __resolveReference: (ref, ctx) => getIncident(ctx.loaders, ctx.principal, ref.id),
  commander: (i) => userRef(i.commanderId),
  createdBy: (i) => userRef(i.createdById),
  acknowledgedBy: (i) => userRef(i.acknowledgedById),
  roles: (i, _, ctx) => incidentRoles(ctx.loaders, ctx.principal, i.id),
  actionItems: async (i, args, ctx) =>
    toConnection(
      await listActionItems(
        ctx.loaders,
        ctx.principal,
        { ...args, filter: { incidentId: i.id } },
        ctx.deps.clock(),
      ),
    ),
  timeline: async (i, args, ctx) => toConnection(await readTimeline(ctx.loaders, ctx.principal, i.id, args)),
  postmortem: (i, _, ctx) => latestPostmortem(ctx.loaders, ctx.principal, i.id),
  postmortemHistory: (i, _, ctx) => postmortemHistory(ctx.loaders, ctx.principal, i.id),
} satisfies IncidentResolvers;

export const TimelineEventType = {
  author: (e) => userRef(e.authorId),
  subject: (e) => userRef(e.subjectId),
} satisfies TimelineEventResolvers;

export const PostmortemType = {
  editedBy: (p) => userRef(p.editedById),
} satisfies PostmortemResolvers;

export const PostmortemActionItemType = {
  owner: (a) => userRef(a.ownerId),
  actionItem: (a, _, ctx) => (a.actionItemId ? ctx.loaders.actionItem.load(a.actionItemId) : null),
} satisfies PostmortemActionItemResolvers;

export const IncidentRoleAssignmentType = {
  user: (r) => userRef(r.userId),
  assignedBy: (r) => userRef(r.assignedById),
} satisfies IncidentRoleAssignmentResolvers;
