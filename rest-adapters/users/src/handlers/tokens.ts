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

/** The largest page the graph allows. */
const PAGE = 200;

/**
 * The whole list, page by page: the contract has no paging here, and an admin looking for a token to revoke must
 * see all of them. Automation credentials are few, so this is rarely more than one page.
 */
export const listApiTokens: RestHandler = async (_input, ctx) => {
  const tokens = [];
  let after: string | undefined;
  do {
    const { apiTokens } = await ctx.graphql(LIST_API_TOKENS, { first: PAGE, after }, FIELD_RENAMES);
    tokens.push(...apiTokens.nodes.map(apiTokenToRest));
    after = apiTokens.pageInfo.hasNextPage ? (apiTokens.pageInfo.endCursor ?? undefined) : undefined;
  } while (after);
  return { body: tokens };
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
