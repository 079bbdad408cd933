import type { IncidentsContext } from '../context.ts';
import type { Incident, NoteType, Status } from '../domain/incident.ts';
import { addTimelineEvent } from '../service/add-timeline-event.ts';
import { assignCommander } from '../service/assign-commander.ts';
import { changeStatus } from '../service/change-status.ts';
import { type CreateIncidentInput, createIncident } from '../service/create-incident.ts';
import { submitPostmortem } from '../service/submit-postmortem.ts';
import { updateIncident } from '../service/update-incident.ts';

type Versioned = { expectedVersion?: number | null };

/** Fields selected on a mutation's result read the state the write produced, not an earlier load. */
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
};

const fresh = (ctx: IncidentsContext, incident: Incident) => {
  forgetReads(ctx, incident.id);
  ctx.loaders.incident.prime(incident.id, incident);
  return incident;
};

export const Mutation = {
  createIncident: async (_: unknown, args: { input: CreateIncidentInput }, ctx: IncidentsContext) =>
    fresh(ctx, await createIncident(ctx.deps, ctx.principal, args.input)),

  updateIncident: async (
    _: unknown,
    args: { id: string; input: Parameters<typeof updateIncident>[3] } & Versioned,
    ctx: IncidentsContext,
  ) => fresh(ctx, await updateIncident(ctx.deps, ctx.principal, args.id, args.input, args.expectedVersion)),

  assignCommander: async (
    _: unknown,
    args: { id: string; commanderId: string } & Versioned,
    ctx: IncidentsContext,
  ) =>
    fresh(
      ctx,
      await assignCommander(ctx.deps, ctx.principal, args.id, args.commanderId, args.expectedVersion),
    ),

  changeIncidentStatus: async (
    _: unknown,
    args: { id: string; status: Status; note?: string | null } & Versioned,
    ctx: IncidentsContext,
  ) =>
    fresh(
      ctx,
      await changeStatus(ctx.deps, ctx.principal, args.id, args.status, args.note, args.expectedVersion),
    ),

  addTimelineEvent: async (
    _: unknown,
    args: { incidentId: string; input: { type: NoteType; message: string } },
    ctx: IncidentsContext,
  ) => {
    const entry = await addTimelineEvent(ctx.deps, ctx.principal, args.incidentId, args.input);
    forgetReads(ctx, args.incidentId);
    return entry;
  },

  submitPostmortem: async (
    _: unknown,
    args: { incidentId: string; input: Parameters<typeof submitPostmortem>[3] } & Versioned,
    ctx: IncidentsContext,
  ) => {
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
};
