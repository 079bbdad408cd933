import type { Role } from '@polystatus/kit';
import { changeUserRole } from '../service/change-user-role.ts';
import { type CreateApiTokenInput, createApiToken } from '../service/create-api-token.ts';
import { type CreateUserInput, createUser } from '../service/create-user.ts';
import { disableUser } from '../service/disable-user.ts';
import { enableUser } from '../service/enable-user.ts';
import { login } from '../service/login.ts';
import { logout } from '../service/logout.ts';
import { refreshSession } from '../service/refresh-session.ts';
import { revokeApiToken } from '../service/revoke-api-token.ts';
import { rotateSigningKey } from '../service/rotate-signing-key.ts';
import { type UpdateUserInput, updateUser } from '../service/update-user.ts';
import type { UsersContext } from './context.ts';

type Id = { id: string };

export const Mutation = {
  createUser: (_: unknown, args: { input: CreateUserInput }, ctx: UsersContext) =>
    createUser(ctx.deps, ctx.principal, args.input),
  updateUser: (_: unknown, args: Id & { input: UpdateUserInput }, ctx: UsersContext) =>
    updateUser(ctx.deps, ctx.principal, args.id, args.input),
  changeUserRole: (_: unknown, args: Id & { role: Role }, ctx: UsersContext) =>
    changeUserRole(ctx.deps, ctx.principal, args.id, args.role),
  disableUser: (_: unknown, args: Id, ctx: UsersContext) => disableUser(ctx.deps, ctx.principal, args.id),
  enableUser: (_: unknown, args: Id, ctx: UsersContext) => enableUser(ctx.deps, ctx.principal, args.id),
  login: (_: unknown, args: { email: string; password: string }, ctx: UsersContext) =>
    login(ctx.deps, ctx.principal, args),
  refreshSession: (_: unknown, args: { refreshToken: string }, ctx: UsersContext) =>
    refreshSession(ctx.deps, ctx.principal, args.refreshToken),
  logout: (_: unknown, args: { refreshToken: string }, ctx: UsersContext) =>
    logout(ctx.deps, ctx.principal, args.refreshToken),
  createApiToken: (_: unknown, args: { input: CreateApiTokenInput }, ctx: UsersContext) =>
    createApiToken(ctx.deps, ctx.principal, args.input),
  revokeApiToken: (_: unknown, args: Id, ctx: UsersContext) =>
    revokeApiToken(ctx.deps, ctx.principal, args.id),
  rotateSigningKey: (_: unknown, __: unknown, ctx: UsersContext) => rotateSigningKey(ctx.deps, ctx.principal),
};
