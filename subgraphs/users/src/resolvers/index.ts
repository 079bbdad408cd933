import { DateTimeScalar } from '@polystatus/kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { Role } from './enums.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { ApiToken, AuditEntry, User } from './types.ts';

export const resolvers = {
  DateTime: DateTimeScalar,
  Role,
  Query,
  Mutation,
  User,
  ApiToken,
  AuditEntry,
} satisfies Resolvers;
