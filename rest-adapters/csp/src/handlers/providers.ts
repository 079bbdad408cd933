import { DomainError, fieldError } from '@polystatus/kit';
import type { RestHandler } from '@polystatus/rest-kit';
import { REFRESH_PROVIDER, REGISTER_PROVIDER } from '../documents.ts';
import {
  FIELD_RENAMES,
  type ProviderCreateBody,
  providerToRest,
  refreshToRest,
  registerInputFromRest,
} from '../mappers.ts';

export const registerProvider: RestHandler<ProviderCreateBody> = async ({ body }, ctx) => {
  const data = await ctx.graphql(REGISTER_PROVIDER, { input: registerInputFromRest(body) }, FIELD_RENAMES);
  return { body: providerToRest(data.registerProvider) };
};

/** The 1.0 contract answers an unknown provider with 400 (the parameter is wrong), not 404. */
export const refreshProvider: RestHandler<unknown, { provider: string }> = async ({ query }, ctx) => {
  try {
    const data = await ctx.graphql(REFRESH_PROVIDER, { id: query.provider }, FIELD_RENAMES);
    return { body: refreshToRest(data.refreshProvider) };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') {
      throw fieldError('provider', `no provider is named ${JSON.stringify(query.provider)}`);
    }
    throw err;
  }
};
