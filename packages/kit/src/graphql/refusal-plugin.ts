import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * A refused request (no `data`: it failed to parse, validate, or bind its variables) answers with its first
 * error only. Validation stops at its first error and appends "Too many validation errors", variable coercion
 * reports up to 50; neither tells a client more than the first does, and each costs bytes an attacker chose.
 * Results with data keep every error: those are per-field outcomes the client needs.
 */
export function refusalPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.data === undefined && result.errors && result.errors.length > 1) {
            result.errors = result.errors.slice(0, 1);
          }
        },
      };
    },
  };
}
