import type { BaseGraphQLContext } from '@polystatus/kit';
import type { CommsLoaders } from './loaders.ts';
import type { CommsDeps } from './service/deps.ts';

export interface CommsContext extends BaseGraphQLContext {
  deps: CommsDeps;
  loaders: CommsLoaders;
}
