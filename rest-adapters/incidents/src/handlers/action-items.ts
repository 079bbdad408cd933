import { notFound } from '@polystatus/kit';
import { nextPageHeaders, type RestHandler } from '@polystatus/rest-kit';
import {
  ACTION_ITEM_LIST_RENAMES,
  type ActionItemCreateBody,
  type ActionItemPatchBody,
  actionItemCreateFromRest,
  actionItemFilterFromQuery,
  actionItemPatchFromRest,
  actionItemToRest,
  type ListActionItemsQuery,
} from '../action-item-mappers.ts';
import { CREATE_ACTION_ITEM, GET_ACTION_ITEM, LIST_ACTION_ITEMS, UPDATE_ACTION_ITEM } from '../documents.ts';
import { FIELD_RENAMES } from '../mappers.ts';

type IdParams = { id: string };

export const listActionItems: RestHandler<unknown, ListActionItemsQuery> = async ({ query, path }, ctx) => {
  const variables = { filter: actionItemFilterFromQuery(query), first: query.limit, after: query.cursor };
  const { actionItems } = await ctx.graphql(LIST_ACTION_ITEMS, variables, ACTION_ITEM_LIST_RENAMES);
  const next = actionItems.pageInfo.hasNextPage ? actionItems.pageInfo.endCursor : null;
  return {
    body: actionItems.nodes.map(actionItemToRest),
    headers: nextPageHeaders(path, query, 'cursor', next),
  };
};

export const getActionItem: RestHandler<unknown, unknown, IdParams> = async ({ params }, ctx) => {
  const { actionItem } = await ctx.graphql(GET_ACTION_ITEM, { id: params.id }, FIELD_RENAMES);
  if (!actionItem) throw notFound('action item', params.id);
  return { body: actionItemToRest(actionItem) };
};

export const createActionItem: RestHandler<ActionItemCreateBody, unknown, IdParams> = async (
  { params, body },
  ctx,
) => {
  const variables = { incidentId: params.id, input: actionItemCreateFromRest(body) };
  const data = await ctx.graphql(CREATE_ACTION_ITEM, variables, FIELD_RENAMES);
  return { body: actionItemToRest(data.createActionItem) };
};

export const updateActionItem: RestHandler<ActionItemPatchBody, unknown, IdParams> = async (
  { params, body },
  ctx,
) => {
  const variables = { id: params.id, ...actionItemPatchFromRest(body) };
  const data = await ctx.graphql(UPDATE_ACTION_ITEM, variables, FIELD_RENAMES);
  return { body: actionItemToRest(data.updateActionItem) };
};
