import type { BaseGraphQLContext } from '@polystatus/kit';
import type { UsersLoaders } from './loaders.ts';
import type { UsersDeps } from './service/deps.ts';

export interface UsersContext extends BaseGraphQLContext {
  deps: UsersDeps;
  loaders: UsersLoaders;
}
