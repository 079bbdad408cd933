import type { MutationResolvers } from '../generated/resolvers.ts';
import { changeUserRole } from '../service/change-user-role.ts';
import { createApiToken } from '../service/create-api-token.ts';
import { createUser } from '../service/create-user.ts';
import { disableUser } from '../service/disable-user.ts';
import { enableUser } from '../service/enable-user.ts';
import { login } from '../service/login.ts';
import { logout } from '../service/logout.ts';
import { refreshSession } from '../service/refresh-session.ts';
import { revokeApiToken } from '../service/revoke-api-token.ts';
import { rotateSigningKey } from '../service/rotate-signing-key.ts';
import { updateUser } from '../service/update-user.ts';

export const Mutation = {
  createUser: (_, args, ctx) => createUser(ctx.deps, ctx.principal, args.input),
  updateUser: (_, args, ctx) => updateUser(ctx.deps, ctx.principal, args.id, args.input),
  changeUserRole: (_, args, ctx) => changeUserRole(ctx.deps, ctx.principal, args.id, args.role),
  disableUser: (_, args, ctx) => disableUser(ctx.deps, ctx.principal, args.id),
  enableUser: (_, args, ctx) => enableUser(ctx.deps, ctx.principal, args.id),
  login: (_, args, ctx) => login(ctx.deps, ctx.principal, args),
  refreshSession: (_, args, ctx) => refreshSession(ctx.deps, ctx.principal, args.refreshToken),
  logout: (_, args, ctx) => logout(ctx.deps, ctx.principal, args.refreshToken),
  createApiToken: (_, args, ctx) => createApiToken(ctx.deps, ctx.principal, args.input),
  revokeApiToken: (_, args, ctx) => revokeApiToken(ctx.deps, ctx.principal, args.id),
  rotateSigningKey: (_, __, ctx) => rotateSigningKey(ctx.deps, ctx.principal),
} satisfies MutationResolvers;
