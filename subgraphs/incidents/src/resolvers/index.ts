import { enums } from './enums.ts';
import { ActionItemType, IncidentType, PostmortemType, TimelineEventType } from './incident.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { DateTime } from './scalars.ts';
import { UserType } from './user.ts';

export const resolvers = {
  DateTime,
  ...enums,
  Query,
  Mutation,
  Incident: IncidentType,
  User: UserType,
  TimelineEvent: TimelineEventType,
  Postmortem: PostmortemType,
  ActionItem: ActionItemType,
};
