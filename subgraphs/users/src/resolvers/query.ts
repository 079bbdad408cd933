import type { Role } from '@polystatus/kit';
import { getMe, getUser } from '../service/get-user.ts';
import { listApiTokens } from '../service/list-api-tokens.ts';
import { listAuditLog } from '../service/list-audit-log.ts';
import { listUsers, type UserFilter } from '../service/list-users.ts';
import { connection } from './connection.ts';
import type { UsersContext } from './context.ts';

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const Query = {
  me: (_: unknown, __: unknown, ctx: UsersContext) => getMe(ctx.deps, ctx.principal),
  user: (_: unknown, args: { id: string }, ctx: UsersContext) => getUser(ctx.deps, ctx.principal, args.id),
  users: async (_: unknown, args: PageArgs & { filter?: UserFilter & { role?: Role } }, ctx: UsersContext) =>
    connection(await listUsers(ctx.deps, ctx.principal, args), (u) => u.id),
  auditLog: async (_: unknown, args: PageArgs, ctx: UsersContext) =>
    connection(await listAuditLog(ctx.deps, ctx.principal, args), (e) => e.id),
  apiTokens: async (_: unknown, args: PageArgs, ctx: UsersContext) =>
    connection(await listApiTokens(ctx.deps, ctx.principal, args), (t) => t.id),
};
