import { checkVariables, DomainError, type FieldIssue, type Principal } from '@polystatus/kit';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  type OperationDefinitionNode,
  type ParseOptions,
  parse,
  type ValidationRule,
  validate,
} from 'graphql';
import { planSubscription, type SubscriptionPlan } from './plan.ts';
import type { SubscriptionSource } from './source.ts';

export type Admission =
  | { ok: true; plan: SubscriptionPlan; document: DocumentNode }
  /** A query or mutation: executed once through the gateway (see operations.ts), not subscribed to. */
  | { ok: true; operation: OperationDefinitionNode; document: DocumentNode }
  | { ok: false; errors: GraphQLFormattedError[] };

export interface AdmissionRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  principal: Principal;
  /** Subscriptions the socket holds, this one included. */
  held: number;
}

export interface AdmissionRules {
  schema: GraphQLSchema;
  sources: ReadonlyMap<string, SubscriptionSource>;
  validationRules: readonly ValidationRule[];
  /** The gateway's token budget and validation options (kit graphql-hardening.ts), so the socket refuses alike. */
  parseOptions?: ParseOptions;
  validationOptions?: { maxErrors?: number; hideSuggestions?: boolean };
  maxVariableValues?: number;
  maxPerSocket: number;
}

/** A domain refusal as graphql-ws sends it: the kit's code and details in `extensions`. */
export const domainRefusal = (err: DomainError): GraphQLFormattedError => ({
  message: err.message,
  extensions: { code: err.code, details: err.details },
});

/** graphql-js's own refusals (syntax, validation, variables) are the client's mistake: VALIDATION. */
const invalid = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
  errors.map((e) => {
    const details: FieldIssue[] = [{ field: 'query', issue: e.message }];
    return {
      message: e.message,
      ...(e.locations ? { locations: e.locations } : {}),
      extensions: { code: 'VALIDATION', details },
    };
  });

/**
 * Everything an operation must pass on the socket: the per-socket cap, parsing, validation against the client
 * schema with the gateway's limits. A query or mutation is then admitted as it is (the gateway checks access when
 * it runs it); a subscription must also pass access for its source and carry a well-formed `after`.
 */
export function admit(req: AdmissionRequest, rules: AdmissionRules): Admission {
  if (req.held > rules.maxPerSocket) {
    return {
      ok: false,
      errors: [
        domainRefusal(
          new DomainError('RATE_LIMITED', `at most ${rules.maxPerSocket} subscriptions per connection`),
        ),
      ],
    };
  }
  const variablesRefusal =
    rules.maxVariableValues === undefined
      ? undefined
      : checkVariables(req.variables, { maxVariableValues: rules.maxVariableValues });
  if (variablesRefusal) return { ok: false, errors: [domainRefusal(variablesRefusal)] };
  let document: DocumentNode;
  try {
    document = parse(req.query, rules.parseOptions);
  } catch (err) {
    return { ok: false, errors: invalid([err as GraphQLError]) };
  }
  const errors = validate(rules.schema, document, rules.validationRules, rules.validationOptions);
  // One refusal names one problem: validation's error cap appends "Too many validation errors" after it.
  if (errors.length) return { ok: false, errors: invalid(errors.slice(0, 1)) };
  const operation = getOperationAST(document, req.operationName);
  if (!operation)
    return { ok: false, errors: invalid([new GraphQLError('unable to identify the operation')]) };
  if (operation.operation !== 'subscription') return { ok: true, operation, document };
  try {
    const plan = planSubscription(
      rules.schema,
      rules.sources,
      document,
      operation,
      req.variables,
      req.principal,
    );
    return 'source' in plan ? { ok: true, plan, document } : { ok: false, errors: invalid(plan) };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, errors: [domainRefusal(err)] };
    throw err;
  }
}
