import {
  type ASTNode,
  type FieldNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fragmentWalker } from './fragment-walk.ts';

export interface CostLimits {
  /** Most estimated work one operation may ask for (see `costLimit`). */
  maxCost: number;
  /** Most field selections one operation may contain, fragments expanded, aliases included. */
  maxFields: number;
  /** The size assumed for a list argument given as a variable (validation runs before variables are known). */
  assumedListSize?: number;
}

/** Arguments that size the list a field returns. */
const LIST_ARGUMENTS = new Set(['first', 'last', 'limit']);

/**
 * Refuses operations that would make the servers do far more work than any real client needs, before any of it
 * is done. The depth limit alone does not stop width: 1,500 aliased copies of a 100-incident list are shallow.
 *
 * Estimate: a field costs 1 plus the cost of its selection, multiplied by its list argument (`first: 100` makes
 * each selected field count a hundred times); a list argument given as a variable counts as `assumedListSize`.
 * Separately, the number of field selections (each alias counts) is capped. Introspection is free.
 */
export function costLimit(limits: CostLimits): ValidationRule {
  const assumed = limits.assumedListSize ?? 100;
  return (context: ValidationContext) => {
    const multiplier = (field: FieldNode): number => {
      for (const arg of field.arguments ?? []) {
        if (!LIST_ARGUMENTS.has(arg.name.value)) continue;
        if (arg.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
        if (arg.value.kind === Kind.VARIABLE) return assumed;
      }
      return 1;
    };
    type Measure = { cost: number; fields: number };
    // Each fragment is measured once (fragment-walk.ts).
    const spread = fragmentWalker<Measure>(context, { cost: 0, fields: 0 }, (set: SelectionSetNode) =>
      measure(set),
    );
    const measure = (set: SelectionSetNode | undefined): Measure => {
      let cost = 0;
      let fields = 0;
      for (const sel of set?.selections ?? []) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          const inner = measure(sel.selectionSet);
          cost += (1 + inner.cost) * multiplier(sel);
          fields += 1 + inner.fields;
          continue;
        }
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? measure(sel.selectionSet) : spread(sel.name.value);
        cost += inner.cost;
        fields += inner.fields;
      }
      // Saturate: the totals are only compared with the limits, and must not overflow into nonsense.
      return {
        cost: Math.min(cost, Number.MAX_SAFE_INTEGER),
        fields: Math.min(fields, Number.MAX_SAFE_INTEGER),
      };
    };
    return {
      OperationDefinition(node) {
        const { cost, fields } = measure(node.selectionSet);
        const details = [
          ...(cost > limits.maxCost
            ? [{ field: 'query', issue: `estimated cost ${cost} exceeds ${limits.maxCost}` }]
            : []),
          ...(fields > limits.maxFields
            ? [{ field: 'query', issue: `${fields} field selections exceed ${limits.maxFields}` }]
            : []),
        ];
        if (details.length) {
          context.reportError(
            new GraphQLError(`operation is too expensive: ${details.map((d) => d.issue).join('; ')}`, {
              nodes: [node as ASTNode],
              extensions: { code: 'VALIDATION', details },
            }),
          );
        }
      },
    };
  };
}
