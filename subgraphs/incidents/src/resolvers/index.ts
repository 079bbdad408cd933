import { DateTimeScalar } from '@polystatus/kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { ActionItemType } from './action-item.ts';
import { enums } from './enums.ts';
import {
  IncidentRoleAssignmentType,
  IncidentType,
  PostmortemActionItemType,
  PostmortemType,
  TimelineEventType,
} from './incident.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { IncidentStatsGroupType } from './stats.ts';
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
  PostmortemActionItem: PostmortemActionItemType,
  ActionItem: ActionItemType,
  IncidentRoleAssignment: IncidentRoleAssignmentType,
  IncidentStatsGroup: IncidentStatsGroupType,
} satisfies Resolvers;
