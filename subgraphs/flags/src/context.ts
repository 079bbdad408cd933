import type { BaseGraphQLContext } from '@polystatus/kit';
import type { FlagsLoaders } from './loaders.ts';
import type { FlagsDeps } from './service/deps.ts';

export interface FlagsContext extends BaseGraphQLContext {
  deps: FlagsDeps;
  loaders: FlagsLoaders;
}
