import { DateTimeScalar } from '@polystatus/kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { BannerMutation, BannerQuery, bannerTypes } from './banner-resolvers.ts';
import { enums } from './enums.ts';
import { Mutation } from './mutation.ts';
import { NotifyMutation, NotifyQuery, notifyTypes } from './notify-resolvers.ts';
import { Query } from './query.ts';
import {
  AnnouncementType,
  ComponentGroupType,
  ComponentImpactType,
  ComponentType,
  IncidentType,
  MaintenanceType,
  UptimeDayType,
} from './types.ts';

export const resolvers = {
  DateTime: DateTimeScalar,
  ...enums,
  Query: { ...Query, ...NotifyQuery, ...BannerQuery },
  Mutation: { ...Mutation, ...NotifyMutation, ...BannerMutation },
  Incident: IncidentType,
  Announcement: AnnouncementType,
  ComponentImpact: ComponentImpactType,
  Component: ComponentType,
  ComponentGroup: ComponentGroupType,
  Maintenance: MaintenanceType,
  UptimeDay: UptimeDayType,
  // notifications (src/notify)
  ...notifyTypes,
  // status banner (issue 13)
  ...bannerTypes,
} satisfies Resolvers;
