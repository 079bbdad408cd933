import type { RestHandler } from '@polystatus/rest-kit';
import { LOGIN, LOGOUT, REFRESH_SESSION } from '../documents.ts';
import { sessionToRest } from '../mappers.ts';

const REFRESH_RENAMES = { refreshToken: 'refresh_token' };

export const login: RestHandler<{ email: string; password: string }> = async ({ body }, ctx) => {
  const data = await ctx.graphql(LOGIN, { email: body.email, password: body.password });
  return { body: sessionToRest(data.login) };
};

export const refreshSession: RestHandler<{ refresh_token: string }> = async ({ body }, ctx) => {
  const data = await ctx.graphql(REFRESH_SESSION, { refreshToken: body.refresh_token }, REFRESH_RENAMES);
  return { body: sessionToRest(data.refreshSession) };
};

export const logout: RestHandler<{ refresh_token: string }> = async ({ body }, ctx) => {
  await ctx.graphql(LOGOUT, { refreshToken: body.refresh_token }, REFRESH_RENAMES);
  return { status: 204 };
};
