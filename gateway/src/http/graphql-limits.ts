import { DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from '@polystatus/kit';
import type { GatewayEnv } from '../config.ts';

/** The gateway's operation limits, one set for HTTP, the realtime socket and the REST adapters' documents. */
export const graphqlLimitsOf = (
  env: Pick<
    GatewayEnv,
    | 'GRAPHQL_MAX_TOKENS'
    | 'GRAPHQL_MAX_DEPTH'
    | 'GRAPHQL_MAX_COST'
    | 'GRAPHQL_MAX_FIELDS'
    | 'GRAPHQL_MAX_ALIASES'
    | 'GRAPHQL_MAX_DIRECTIVES'
    | 'GRAPHQL_MAX_VARIABLE_VALUES'
  >,
): GraphQLLimits => ({
  maxTokens: env.GRAPHQL_MAX_TOKENS,
  maxDepth: env.GRAPHQL_MAX_DEPTH,
  maxCost: env.GRAPHQL_MAX_COST,
  maxSelections: env.GRAPHQL_MAX_FIELDS,
  maxAliases: env.GRAPHQL_MAX_ALIASES,
  maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
  maxIntrospectionRoots: DEFAULT_GRAPHQL_LIMITS.maxIntrospectionRoots,
  maxVariableValues: env.GRAPHQL_MAX_VARIABLE_VALUES,
});
