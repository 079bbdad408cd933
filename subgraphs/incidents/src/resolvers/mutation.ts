import type { IncidentsContext } from '../context.ts';
import type { Incident } from '../domain/incident.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';
import { acknowledgeIncident } from '../service/acknowledge-incident.ts';
import { addTimelineEvent } from '../service/add-timeline-event.ts';
import { assignCommander } from '../service/assign-commander.ts';
import { assignIncidentRole } from '../service/assign-role.ts';
import { changeStatus } from '../service/change-status.ts';
import { createActionItem } from '../service/create-action-item.ts';
import { createIncident } from '../service/create-incident.ts';
import { recordUpstreamUpdate } from '../service/record-upstream-update.ts';
import { submitPostmortem } from '../service/submit-postmortem.ts';
import { unassignIncidentRole } from '../service/unassign-role.ts';
import { updateActionItem } from '../service/update-action-item.ts';
import { updateIncident } from '../service/update-incident.ts';

/**
 * After a write, later fields of the same operation must see it: the incident is primed with its new state, and
 * everything read about incidents earlier in the request is forgotten (timeline and postmortem loaders are keyed
 * by page or id; clearing them whole is simplest, and a mutation operation reads little).
 */
const forgetReads = (ctx: IncidentsContext, incidentId: string) => {
  ctx.loaders.incident.clear(incidentId);
  ctx.loaders.timeline.clearAll();
  ctx.loaders.postmortem.clear(incidentId);
  ctx.loaders.postmortemHistory.clear(incidentId);
  ctx.loaders.roles.clear(incidentId);
  ctx.loaders.roleHoldings.clearAll();
  ctx.loaders.actionItem.clearAll();
  ctx.loaders.actionItemList.clearAll();
};

const fresh = (ctx: IncidentsContext, incident: Incident) => {
  forgetReads(ctx, incident.id);
  ctx.loaders.incident.prime(incident.id, incident);
  return incident;
};

export const Mutation = {
  createIncident: async (_, args, ctx) =>
    fresh(ctx, await createIncident(ctx.deps, ctx.principal, args.input)),

  updateIncident: async (_, args, ctx) =>
    fresh(ctx, await updateIncident(ctx.deps, ctx.principal, args.id, args.input, args.expectedVersion)),

  assignCommander: async (_, args, ctx) =>
    fresh(
      ctx,
      await assignCommander(ctx.deps, ctx.principal, args.id, args.commanderId, args.expectedVersion),
    ),

  changeIncidentStatus: async (_, args, ctx) =>
    fresh(
      ctx,
      await changeStatus(ctx.deps, ctx.principal, args.id, args.status, args.note, args.expectedVersion),
    ),

  addTimelineEvent: async (_, args, ctx) => {
    const entry = await addTimelineEvent(ctx.deps, ctx.principal, args.incidentId, args.input);
    forgetReads(ctx, args.incidentId);
    return entry;
  },

  recordUpstreamUpdate: async (_, args, ctx) => {
    const entry = await recordUpstreamUpdate(ctx.deps, ctx.principal, args.incidentId, args.input);
    forgetReads(ctx, args.incidentId);
    return entry;
  },

  acknowledgeIncident: async (_, args, ctx) => {
    const result = await acknowledgeIncident(ctx.deps, ctx.principal, args.id);
    return { ...result, incident: fresh(ctx, result.incident) };
  },

  assignIncidentRole: async (_, args, ctx) =>
    fresh(ctx, await assignIncidentRole(ctx.deps, ctx.principal, args.incidentId, args.role, args.userId)),

  unassignIncidentRole: async (_, args, ctx) =>
    fresh(ctx, await unassignIncidentRole(ctx.deps, ctx.principal, args.incidentId, args.role, args.userId)),

  createActionItem: async (_, args, ctx) => {
    const item = await createActionItem(ctx.deps, ctx.principal, args.incidentId, args.input);
    forgetReads(ctx, item.incidentId);
    return item;
  },

  updateActionItem: async (_, args, ctx) => {
    const item = await updateActionItem(ctx.deps, ctx.principal, args.id, args.input, args.expectedVersion);
    forgetReads(ctx, item.incidentId);
    return item;
  },

  submitPostmortem: async (_, args, ctx) => {
    const postmortem = await submitPostmortem(
      ctx.deps,
      ctx.principal,
      args.incidentId,
      args.input,
      args.expectedVersion,
    );
    forgetReads(ctx, args.incidentId);
    return postmortem;
  },
} satisfies MutationResolvers;
