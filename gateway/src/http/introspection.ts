import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  type DocumentNode,
  execute,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Distinct introspection requests remembered; GraphiQL and codegen send one or two texts, so this is plenty. */
const MAX_CACHED = 64;

/**
 * Answers introspection over HTTP from the client schema (the supergraph's API schema plus `Subscription`).
 * `@apollo/gateway` introspects only the API schema, where no subscription exists, so GraphiQL and codegen would
 * never see `incidentChanged`. Runs as Apollo's `responseForOperation`, after parsing and validation (so the
 * depth and cost limits and whatever introspection policy Apollo applies come first) and only for operations
 * whose every root field is `__schema`, `__type` or `__typename`; anything else goes through the gateway. A
 * result depends only on the request (the schema is fixed for the process), so each is computed once.
 */
export function clientSchemaIntrospection<TContext extends object>(
  schema: GraphQLSchema,
): ApolloServerPlugin<TContext> {
  const answers = new Map<string, FormattedExecutionResult>();
  const answer = async (
    document: DocumentNode,
    operationName: string | null,
    variables: Record<string, unknown> | undefined,
    key: string,
  ): Promise<FormattedExecutionResult> => {
    const cached = answers.get(key);
    if (cached) return cached;
    const result = await execute({ schema, document, operationName, variableValues: variables });
    const formatted: FormattedExecutionResult = {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
    };
    if (!result.errors) {
      // Oldest first out: a client cycling through made-up texts cannot grow this.
      if (answers.size >= MAX_CACHED) answers.delete(answers.keys().next().value!);
      answers.set(key, formatted);
    }
    return formatted;
  };
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ document, operation, operationName, request, source }) {
          if (!isIntrospectionOnly(document, operation)) return null;
          const key = JSON.stringify([source, operationName, request.variables ?? null]);
          const singleResult = await answer(document, operationName, request.variables, key);
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult },
          };
        },
      };
    },
  };
}

/** Whether a query selects only introspection at its root (`__schema`, `__type`, `__typename`), fragments included. */
export function isIntrospectionOnly(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  const only = (set: SelectionSetNode): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return s.name.value.startsWith('__');
      if (s.kind === Kind.INLINE_FRAGMENT) return only(s.selectionSet);
      const fragment = fragments.get(s.name.value);
      if (!fragment) return false;
      if (seen.has(s.name.value)) return true;
      seen.add(s.name.value);
      return only(fragment.selectionSet);
    });
  return only(operation.selectionSet);
}
