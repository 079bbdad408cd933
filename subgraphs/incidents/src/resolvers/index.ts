import { DateTimeScalar } from '@polystatus/kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { enums } from './enums.ts';
import { ActionItemType, IncidentType, PostmortemType, TimelineEventType } from './incident.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { UserType } from './user.ts';

export const resolvers = {
  DateTime: DateTimeScalar,
  ...enums,
  Query,
  Mutation,
  Incident: IncidentType,
  User: UserType,
  TimelineEvent: TimelineEventType,
  Postmortem: PostmortemType,
  ActionItem: ActionItemType,
} satisfies Resolvers;
