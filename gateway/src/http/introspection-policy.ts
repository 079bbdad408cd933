import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, documentMeasurer } from '@polystatus/kit';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.ts';

export type IntrospectionPolicy = 'signed-in' | 'public' | 'off';

/**
 * Who may ask `__schema`/`__type` (GRAPHQL_INTROSPECTION). By default only signed-in callers: the schema maps
 * every field an attacker could probe, and GraphiQL in the web app signs in first. `__typename` is not
 * introspection and always answers. Checked per request, after validation (the document store caches
 * validated documents for everyone) and before anything answers the operation.
 */
export function introspectionPolicyPlugin(policy: IntrospectionPolicy): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (policy === 'public') return;
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          if (documentMeasurer(document)(operation).introspectionRoots === 0) return;
          if (policy === 'signed-in' && contextValue.principal.kind !== 'anonymous') return;
          const refusal =
            policy === 'off'
              ? new DomainError('FORBIDDEN', 'introspection is turned off on this server')
              : new DomainError('UNAUTHENTICATED', 'sign in to introspect the schema');
          throw new GraphQLError(refusal.message, {
            originalError: refusal,
            extensions: { code: refusal.code, http: { status: refusal.httpStatus } },
          });
        },
      };
    },
  };
}
