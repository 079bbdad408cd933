import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  type ParseOptions,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { DomainError } from '../errors.ts';
import { type OperationLimits, operationLimits } from './operation-limits.ts';

export interface GraphQLLimits extends OperationLimits {
  /** Most lexical tokens in a document; the parser stops at the next one, so a flood costs no more than this. */
  maxTokens: number;
  /**
   * Most values in a request's variables (each scalar, list item and object entry counts). Variables skip the
   * document's limits, and a 200 KB list bound to `[ID!]` would be coerced and carried to a subgraph.
   */
  maxVariableValues: number;
}

/**
 * Everything the public endpoint needs to refuse a hostile document early and in one error: a token budget
 * enforced inside the parser, one size rule that ends validation at its first breach, validation that stops at
 * the first error of any kind, and no "Did you mean …" (suggestions map the schema for whoever probes it, and
 * computing them is an edit-distance scan of every field of the type). Spread the Apollo parts into the server's
 * config; the realtime socket and the REST adapters' document test use `checkDocument`, which applies the same.
 */
export interface GraphQLHardening {
  limits: GraphQLLimits;
  parseOptions: ParseOptions;
  validationOptions: { maxErrors: number; hideSuggestions: boolean };
  /** Added after graphql's `specifiedRules` (Apollo prepends those itself). */
  validationRules: ValidationRule[];
}

/**
 * The gateway's limits unless its env says otherwise (gateway/src/config.ts takes its defaults from here). The
 * REST adapters' documents are held to these too: they are the gateway's own clients and must never be refused.
 */
export const DEFAULT_GRAPHQL_LIMITS: Readonly<Required<Omit<GraphQLLimits, 'assumedListSize'>>> =
  Object.freeze({
    maxDepth: 12,
    maxCost: 50_000,
    maxSelections: 500,
    // 1000 is about five times the largest document our own clients send (GraphiQL's introspection query: 184),
    // and it bounds what validation can be made to do (decision 0008).
    maxTokens: 1000,
    maxAliases: 50,
    maxDirectives: 50,
    // Each is a walk of the whole schema; GraphiQL needs one, nobody needs two in one request.
    maxIntrospectionRoots: 1,
    maxVariableValues: 1000,
  });

export function graphqlHardening(limits: GraphQLLimits): GraphQLHardening {
  return {
    limits,
    parseOptions: { maxTokens: limits.maxTokens },
    validationOptions: { maxErrors: 1, hideSuggestions: true },
    validationRules: [operationLimits(limits, { endValidation: true })],
  };
}

export type DocumentCheck = { ok: true; document: DocumentNode } | { ok: false; error: GraphQLError };

/**
 * Parses and validates a document exactly as the gateway's Apollo server does, answering with the one error a
 * refusal carries (validation's error cap appends a second, "Too many validation errors", which says nothing).
 */
export function checkDocument(
  schema: GraphQLSchema,
  source: string,
  hardening: GraphQLHardening,
): DocumentCheck {
  let document: DocumentNode;
  try {
    document = parse(source, hardening.parseOptions);
  } catch (err) {
    if (err instanceof GraphQLError) return { ok: false, error: err };
    throw err;
  }
  const errors = validate(
    schema,
    document,
    [...specifiedRules, ...hardening.validationRules],
    hardening.validationOptions,
  );
  return errors[0] ? { ok: false, error: errors[0] } : { ok: true, document };
}

/** Counts values until `max` is passed (so a hostile payload costs at most `max` steps), then stops. */
function countValues(value: unknown, max: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length && count <= max) {
    const v = stack.pop();
    count++;
    if (Array.isArray(v)) stack.push(...v.slice(0, max - count + 1));
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v).slice(0, max - count + 1));
  }
  return count;
}

/** The refusal for a request whose variables hold more than `maxVariableValues` values, if it does. */
export function checkVariables(
  variables: unknown,
  limits: Pick<GraphQLLimits, 'maxVariableValues'>,
): DomainError | undefined {
  if (variables === undefined || variables === null) return undefined;
  // The variables object itself is not a value a client chose; its entries are.
  const found = countValues(variables, limits.maxVariableValues + 1) - 1;
  if (found <= limits.maxVariableValues) return undefined;
  return new DomainError(
    'VALIDATION',
    `operation refused: more than ${limits.maxVariableValues} values in its variables`,
    { details: [{ field: 'variables', issue: `maxVariableValues is ${limits.maxVariableValues}` }] },
  );
}
