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
const fresh = (ctx: IncidentsContext, incident: Incident) => {
  ctx.loaders.incident.clear(incident.id).prime(incident.id, incident);
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
    ctx.loaders.incident.clear(args.incidentId);
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
    ctx.loaders.incident.clear(args.incidentId);
    ctx.loaders.postmortem.clear(args.incidentId);
    ctx.loaders.postmortemHistory.clear(args.incidentId);
    return postmortem;
  },
};
