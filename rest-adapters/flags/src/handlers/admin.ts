import { fieldError, notFound, pageSize } from '@polystatus/kit';
import { nextPageHeaders, type RestHandler } from '@polystatus/rest-kit';
import { FLAG_AUDIT, LIST_FLAGS, PUT_FLAG, TOGGLE_FLAG } from '../documents.ts';
import { auditEntryToRest, FIELD_RENAMES, flagToInput, flagToRest, type RestFlag } from '../mappers.ts';

type KeyParams = { key: string };

export const listFlags: RestHandler = async (_, ctx) => {
  const { flags } = await ctx.graphql(LIST_FLAGS, {});
  return { body: flags.map(flagToRest) };
};

export const putFlag: RestHandler<RestFlag> = async ({ body }, ctx) => {
  const variables = { input: flagToInput(body), expectedVersion: body.version ?? null };
  const { putFlag: written } = await ctx.graphql(PUT_FLAG, variables, FIELD_RENAMES);
  return { status: written.created ? 201 : 200, body: flagToRest(written.flag) };
};

export const toggleFlag: RestHandler<{ on?: boolean; incident_id?: string }, unknown, KeyParams> = async (
  { params, body },
  ctx,
) => {
  // The reference leaves `on` optional in the schema; a toggle without a state cannot be carried out.
  if (typeof body.on !== 'boolean') throw fieldError('on', 'is required');
  const variables = { key: params.key, on: body.on, incidentId: body.incident_id ?? null };
  const { toggleFlag: t } = await ctx.graphql(TOGGLE_FLAG, variables, FIELD_RENAMES);
  return {
    body: {
      flag: flagToRest(t.flag),
      changed: t.changed,
      incident_id: t.incidentId ?? null,
      timeline_entry_id: t.timelineEntryId ?? null,
      timeline_error: t.timelineError ?? null,
    },
  };
};

export const listFlagAudit: RestHandler<unknown, { limit: number; after?: string }, KeyParams> = async (
  { params, query, path },
  ctx,
) => {
  const variables = {
    key: params.key,
    first: pageSize(query.limit, 500, 'limit'),
    after: query.after ?? null,
  };
  const { flag } = await ctx.graphql(FLAG_AUDIT, variables);
  if (!flag) throw notFound('flag', params.key);
  const { nodes, pageInfo } = flag.audit;
  const next = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  return { body: nodes.map(auditEntryToRest), headers: nextPageHeaders(path, query, 'after', next ?? null) };
};
