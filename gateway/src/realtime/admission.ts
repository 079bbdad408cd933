import { DomainError, type FieldIssue, type Principal } from '@polystatus/kit';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  type ValidationRule,
  validate,
} from 'graphql';
import { planSubscription, type SubscriptionPlan } from './plan.ts';
import type { SubscriptionSource } from './source.ts';

export type Admission =
  | { ok: true; plan: SubscriptionPlan; document: DocumentNode }
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
  maxPerSocket: number;
}

const domain = (err: DomainError): GraphQLFormattedError => ({
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
 * Everything a subscription must pass before it joins a group: the per-socket cap, parsing, validation with the
 * gateway's depth limit, being a subscription at all, access for its source, and a well-formed `after`.
 */
export function admit(req: AdmissionRequest, rules: AdmissionRules): Admission {
  if (req.held > rules.maxPerSocket) {
    return {
      ok: false,
      errors: [
        domain(new DomainError('RATE_LIMITED', `at most ${rules.maxPerSocket} subscriptions per connection`)),
      ],
    };
  }
  let document: DocumentNode;
  try {
    document = parse(req.query);
  } catch (err) {
    return { ok: false, errors: invalid([err as GraphQLError]) };
  }
  const errors = validate(rules.schema, document, rules.validationRules);
  if (errors.length) return { ok: false, errors: invalid(errors) };
  const operation = getOperationAST(document, req.operationName);
  if (!operation)
    return { ok: false, errors: invalid([new GraphQLError('unable to identify the operation')]) };
  if (operation.operation !== 'subscription') {
    const refusal = new DomainError('VALIDATION', 'send queries and mutations with HTTP POST to this URL', {
      details: [{ field: 'query', issue: 'must be a subscription over the socket' }],
    });
    return { ok: false, errors: [domain(refusal)] };
  }
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
    if (err instanceof DomainError) return { ok: false, errors: [domain(err)] };
    throw err;
  }
}
