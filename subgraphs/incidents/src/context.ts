import type { BaseGraphQLContext } from '@polystatus/kit';
import type { Loaders } from './loaders.ts';
import type { ServiceDeps } from './service/deps.ts';

export interface IncidentsContext extends BaseGraphQLContext {
  deps: ServiceDeps;
  loaders: Loaders;
}
