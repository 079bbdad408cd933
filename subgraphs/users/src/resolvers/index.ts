import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { DateTime, Role } from './scalars.ts';
import { ApiToken, AuditEntry, User } from './types.ts';

export const resolvers = { DateTime, Role, Query, Mutation, User, ApiToken, AuditEntry };
