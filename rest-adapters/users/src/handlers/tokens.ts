import type { Role } from '@polystatus/kit';
import type { RestHandler } from '@polystatus/rest-kit';
import { nextPageHeaders } from '@polystatus/rest-kit';
import { AUDIT_LOG, CREATE_API_TOKEN, LIST_API_TOKENS, REVOKE_API_TOKEN } from '../documents.ts';
import {
  apiTokenToRest,
  auditEntryToRest,
  FIELD_RENAMES,
  newApiTokenInput,
  type PageQuery,
} from '../mappers.ts';

/** Automation credentials are few, so one page of the largest size the graph allows is the whole list. */
const ALL_TOKENS = 200;

export const listApiTokens: RestHandler = async (_input, ctx) => {
  const { apiTokens } = await ctx.graphql(LIST_API_TOKENS, { first: ALL_TOKENS }, FIELD_RENAMES);
  return { body: apiTokens.nodes.map(apiTokenToRest) };
};

export const createApiToken: RestHandler<{ name: string; role: Role; expires_at?: number }> = async (
  { body },
  ctx,
) => {
  const data = await ctx.graphql(CREATE_API_TOKEN, { input: newApiTokenInput(body) }, FIELD_RENAMES);
  const { token, apiToken } = data.createApiToken;
  return { body: { ...apiTokenToRest(apiToken), token } };
};

export const revokeApiToken: RestHandler<unknown, unknown, { id: string }> = async ({ params }, ctx) => {
  const data = await ctx.graphql(REVOKE_API_TOKEN, { id: params.id }, FIELD_RENAMES);
  return { body: apiTokenToRest(data.revokeApiToken) };
};

export const listAuditEvents: RestHandler<unknown, PageQuery> = async ({ query, path }, ctx) => {
  const { auditLog } = await ctx.graphql(
    AUDIT_LOG,
    { first: query.limit, after: query.cursor },
    FIELD_RENAMES,
  );
  const next = auditLog.pageInfo.hasNextPage ? auditLog.pageInfo.endCursor : null;
  return {
    body: auditLog.nodes.map(auditEntryToRest),
    headers: nextPageHeaders(path, query, 'cursor', next),
  };
};
