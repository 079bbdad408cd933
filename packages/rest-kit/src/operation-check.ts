import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GraphQLOperation } from '@polystatus/kit';
import { checkDocument, DEFAULT_GRAPHQL_LIMITS, graphqlHardening } from '@polystatus/kit';
import { buildSchema, type GraphQLSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

/** What the gateway serves to clients (supergraph API schema plus Subscription), printed by `npm run compose`. */
export const CLIENT_SCHEMA_FILE = fileURLToPath(
  new URL('../../../gateway/client-schema.graphql', import.meta.url),
);

export const loadClientSchema = (file = CLIENT_SCHEMA_FILE): GraphQLSchema =>
  buildSchema(readFileSync(file, 'utf8'));

const isOperation = (value: unknown): value is GraphQLOperation<unknown, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { query?: unknown }).query === 'string' &&
  typeof (value as { operationName?: unknown }).operationName === 'string';

/** The GraphQL operations a module (an adapter's documents.ts) exports, by export name. */
export const exportedOperations = (
  module: Record<string, unknown>,
): [string, GraphQLOperation<unknown, unknown>][] =>
  Object.entries(module).filter((entry): entry is [string, GraphQLOperation<unknown, unknown>] =>
    isOperation(entry[1]),
  );

const gatewayHardening = graphqlHardening(DEFAULT_GRAPHQL_LIMITS);

/**
 * What would make the gateway refuse an operation as it is sent: graphql-js's `validate` findings (unknown fields,
 * wrong argument types, unused fragments … all of them, where the gateway stops at the first) and a breach of the
 * gateway's default limits (tokens, depth, cost, aliases …). Empty when the gateway accepts it. Parsing alone, as
 * `defineOperation` does at start-up, catches only syntax.
 */
export function operationErrors(
  schema: GraphQLSchema,
  operation: GraphQLOperation<unknown, unknown>,
): string[] {
  const errors = validate(schema, parse(operation.query)).map((e) => e.message);
  if (errors.length) return errors;
  const limited = checkDocument(schema, operation.query, gatewayHardening);
  return limited.ok ? [] : [`gateway limits: ${limited.error.message}`];
}

/**
 * The suite every adapter's `src/documents.test.ts` runs, one line there: each operation its documents module
 * exports is valid against the committed client schema and within the gateway's limits. Codegen validates the
 * same strings when it types them; this checks what is actually sent, so a schema change that breaks an adapter
 * fails even before anyone regenerates, and a document that grows past a limit fails here, not as a 400 in use.
 */
export function describeAdapterOperations(documents: Record<string, unknown>, schema = loadClientSchema()) {
  const operations = exportedOperations(documents);
  describe('the GraphQL operations this adapter sends', () => {
    it('are found in its documents module', () => {
      expect(operations.length).toBeGreaterThan(0);
    });

    it.each(operations)(
      '%s is valid against the client schema and within the gateway limits',
      (_name, op) => {
        expect(operationErrors(schema, op)).toEqual([]);
      },
    );
  });
}
