import type { IncidentResolvers } from '../generated/resolvers.ts';

/** An incident as this subgraph knows it: its id; the incidents subgraph owns everything else. */
export interface IncidentRef {
  id: string;
}

export const IncidentType = {
  __resolveReference: (ref) => ({ id: ref.id }),
  cspEvents: async (parent, _, ctx) => {
    const ids = await ctx.loaders.eventIdsByIncident.load(parent.id);
    return (await ctx.loaders.event.loadMany(ids)).flatMap((e) => (e && !(e instanceof Error) ? [e] : []));
  },
} satisfies IncidentResolvers;
