import type { BaseGraphQLContext } from '@polystatus/kit';
import type { IncidentsLoaders } from './loaders.ts';
import type { IncidentsDeps } from './service/deps.ts';

export interface IncidentsContext extends BaseGraphQLContext {
  deps: IncidentsDeps;
  loaders: IncidentsLoaders;
}
