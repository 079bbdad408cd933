import type { BaseGraphQLContext } from '@polystatus/kit';
import type { CspLoaders } from './loaders.ts';
import type { CspDeps } from './service/deps.ts';
import type { ProviderVerbs } from './service/providers.ts';

export interface CspContext extends BaseGraphQLContext {
  deps: CspDeps;
  loaders: CspLoaders;
  /** What the provider verbs need from the deployment (may feeds point at private addresses). */
  providerVerbs: ProviderVerbs;
}
