import { DateTimeScalar } from '@polystatus/kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { enums } from './enums.ts';
import { FlagAuditEntryType, FlagConditionType, FlagRuleType, FlagServeType, FlagType } from './flag.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { UserType } from './user.ts';

export const resolvers = {
  DateTime: DateTimeScalar,
  ...enums,
  Query,
  Mutation,
  Flag: FlagType,
  FlagRule: FlagRuleType,
  FlagServe: FlagServeType,
  FlagCondition: FlagConditionType,
  FlagAuditEntry: FlagAuditEntryType,
  User: UserType,
} satisfies Resolvers;
