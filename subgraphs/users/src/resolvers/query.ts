import { toConnection } from '@polystatus/kit';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { getMe, getUser } from '../service/get-user.ts';
import { listApiTokens } from '../service/list-api-tokens.ts';
import { listAuditLog } from '../service/list-audit-log.ts';
import { listUsers } from '../service/list-users.ts';

export const Query = {
  me: (_, __, ctx) => getMe(ctx.deps, ctx.principal),
  user: (_, args, ctx) => getUser(ctx.deps, ctx.principal, args.id),
  users: async (_, args, ctx) => toConnection(await listUsers(ctx.deps, ctx.principal, args)),
  auditLog: async (_, args, ctx) => toConnection(await listAuditLog(ctx.deps, ctx.principal, args)),
  apiTokens: async (_, args, ctx) => toConnection(await listApiTokens(ctx.deps, ctx.principal, args)),
} satisfies QueryResolvers;
