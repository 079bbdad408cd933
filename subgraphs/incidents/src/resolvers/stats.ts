import type { IncidentStatsGroupResolvers } from '../generated/resolvers.ts';
import { userRef } from './user-ref.ts';

export const IncidentStatsGroupType = {
  commander: (g) => (g.by === 'commander' ? userRef(g.key) : null),
} satisfies IncidentStatsGroupResolvers;
