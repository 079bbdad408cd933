import type { IncidentsContext } from '../context.ts';
import type { ActionItem, Incident, Postmortem, TimelineEntry } from '../domain/incident.ts';
import { getIncident } from '../service/get-incident.ts';
import { latestPostmortem, postmortemHistory } from '../service/read-postmortem.ts';
import { readTimeline } from '../service/read-timeline.ts';
import { toConnection, userRef } from './connection.ts';

export const IncidentType = {
  // The gateway reaches incidents through `_entities` too, without passing through Query: same guard, same loader.
  __resolveReference: (ref: { id: string }, ctx: IncidentsContext) =>
    getIncident(ctx.loaders, ctx.principal, ref.id),
  commander: (i: Incident) => userRef(i.commanderId),
  createdBy: (i: Incident) => userRef(i.createdById),
  timeline: async (
    i: Incident,
    args: { first?: number | null; after?: string | null },
    ctx: IncidentsContext,
  ) => toConnection(await readTimeline(ctx.loaders, ctx.principal, i.id, args)),
  postmortem: (i: Incident, _: unknown, ctx: IncidentsContext) =>
    latestPostmortem(ctx.loaders, ctx.principal, i.id),
  postmortemHistory: (i: Incident, _: unknown, ctx: IncidentsContext) =>
    postmortemHistory(ctx.loaders, ctx.principal, i.id),
};

export const TimelineEventType = {
  author: (e: TimelineEntry) => userRef(e.authorId),
};

export const PostmortemType = {
  editedBy: (p: Postmortem) => userRef(p.editedById),
};

export const ActionItemType = {
  owner: (a: ActionItem) => userRef(a.ownerId),
};
