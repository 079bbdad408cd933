import { BREAK, GraphQLError, Kind, type ValidationContext, type ValidationRule } from 'graphql';
import { documentMeasurer, type OperationMeasure } from './operation-measure.ts';

/** The most any one operation may ask for. Every count includes meta-fields and aliases. */
export interface OperationLimits {
  maxDepth?: number;
  maxCost?: number;
  /** Field selections (`GRAPHQL_MAX_FIELDS`): each alias and each `__typename` counts. */
  maxSelections?: number;
  maxAliases?: number;
  maxDirectives?: number;
  /** `__schema`/`__type` fields at an operation's root. */
  maxIntrospectionRoots?: number;
  /** Size assumed for a list argument given as a variable (validation runs before variables are known). */
  assumedListSize?: number;
}

/** The name a refusal gives each limit, in the order they are checked (cheapest to explain first). */
const CHECKS: readonly [keyof OperationLimits, keyof OperationMeasure, string][] = [
  ['maxSelections', 'selections', 'field selections'],
  ['maxAliases', 'aliases', 'aliases'],
  ['maxDirectives', 'directives', 'directives'],
  ['maxIntrospectionRoots', 'introspectionRoots', 'introspection roots (__schema, __type)'],
  ['maxDepth', 'depth', 'levels of depth'],
  ['maxCost', 'cost', 'estimated cost'],
];

export interface LimitBreach {
  /** Which limit, e.g. `maxSelections`. */
  limit: keyof OperationLimits;
  found: number;
  max: number;
  message: string;
}

/** The first limit the measure exceeds, if any: one refusal names one limit. */
export function firstBreach(measure: OperationMeasure, limits: OperationLimits): LimitBreach | undefined {
  for (const [limit, key, what] of CHECKS) {
    const max = limits[limit];
    if (max === undefined || measure[key] <= max) continue;
    return {
      limit,
      found: measure[key],
      max,
      message: `operation refused: ${measure[key]} ${what}, at most ${max}`,
    };
  }
  return undefined;
}

export const limitError = (breach: LimitBreach): GraphQLError =>
  new GraphQLError(breach.message, {
    extensions: {
      code: 'VALIDATION',
      details: [{ field: 'query', issue: `${breach.limit} is ${breach.max}` }],
    },
  });

export interface OperationLimitsOptions {
  /**
   * Validation runs with `maxErrors: 1` (graphql-hardening.ts): report the breach a second time so graphql's
   * error cap trips and aborts the walk at once. A rule cannot stop validation any other way: an exception
   * thrown from a rule escapes Apollo's pipeline as a 500. The duplicate never reaches the client (the
   * refusal plugin keeps the first error).
   */
  endValidation?: boolean;
}

/**
 * One validation rule for every size limit. It measures the whole document when the walk enters it, before
 * any other rule has looked at a single selection (graphql runs rules side by side, node by node), and reports
 * one refusal: the first limit the first offending operation breaks. With `endValidation` that report ends
 * validation, so the standard rules never spend time on the 12,000 selections of a refused document, even
 * ones in fragments written before the operation.
 */
export function operationLimits(
  limits: OperationLimits,
  options: OperationLimitsOptions = {},
): ValidationRule {
  return (context: ValidationContext) => ({
    Document(document) {
      const measureOf = documentMeasurer(document, {
        assumedListSize: limits.assumedListSize,
        schema: context.getSchema(),
      });
      for (const def of document.definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        const breach = firstBreach(measureOf(def), limits);
        if (!breach) continue;
        const error = limitError(breach);
        context.reportError(error);
        if (options.endValidation) context.reportError(error);
        return BREAK;
      }
      return undefined;
    },
  });
}
