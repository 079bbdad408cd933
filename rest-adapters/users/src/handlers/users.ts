import { notFound } from '@polystatus/kit';
import { nextPageHeaders, type RestHandler } from '@polystatus/rest-kit';
import {
  CREATE_USER,
  DISABLE_USER,
  ENABLE_USER,
  GET_USER,
  LIST_USERS,
  ME,
  UPDATE_USER,
} from '../documents.ts';
import {
  createUserInput,
  FIELD_RENAMES,
  type PageQuery,
  type UserChangesBody,
  type UserCreateBody,
  updateUserInput,
  userToRest,
} from '../mappers.ts';

type IdParams = { id: string };

export const createUser: RestHandler<UserCreateBody> = async ({ body }, ctx) => {
  const data = await ctx.graphql(CREATE_USER, { input: createUserInput(body) }, FIELD_RENAMES);
  return { body: userToRest(data.createUser) };
};

export const listUsers: RestHandler<unknown, PageQuery> = async ({ query, path }, ctx) => {
  const { users } = await ctx.graphql(LIST_USERS, { first: query.limit, after: query.cursor }, FIELD_RENAMES);
  const next = users.pageInfo.hasNextPage ? users.pageInfo.endCursor : null;
  return { body: users.nodes.map(userToRest), headers: nextPageHeaders(path, query, 'cursor', next) };
};

export const getUser: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { user } = await ctx.graphql(GET_USER, { id: params.id }, FIELD_RENAMES);
  if (!user) throw notFound('user', params.id);
  return { body: userToRest(user) };
};

export const updateUser: RestHandler<UserChangesBody, unknown, IdParams> = async ({ params, body }, ctx) => {
  const data = await ctx.graphql(UPDATE_USER, { id: params.id, input: updateUserInput(body) }, FIELD_RENAMES);
  return { body: userToRest(data.updateUser) };
};

export const disableUser: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const data = await ctx.graphql(DISABLE_USER, { id: params.id }, FIELD_RENAMES);
  return { body: userToRest(data.disableUser) };
};

export const enableUser: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const data = await ctx.graphql(ENABLE_USER, { id: params.id }, FIELD_RENAMES);
  return { body: userToRest(data.enableUser) };
};

export const me: RestHandler = async (_input, ctx) => {
  const data = await ctx.graphql(ME, {});
  // A system principal has no user record; through REST that can only be a misconfigured internal caller.
  if (!data.me) throw notFound('user', 'me');
  return { body: userToRest(data.me) };
};
