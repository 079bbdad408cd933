import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema, parse, validate } from 'graphql';
import type { GraphQLOperation } from './graphql-operation.ts';

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

/**
 * What graphql-js's `validate` finds wrong with an operation as it is sent (unknown fields, wrong argument types,
 * unused fragments …), empty when the gateway would accept its shape. Parsing alone, as `defineOperation` does
 * at start-up, catches only syntax.
 */
export const operationErrors = (
  schema: GraphQLSchema,
  operation: GraphQLOperation<unknown, unknown>,
): string[] => validate(schema, parse(operation.query)).map((e) => e.message);
