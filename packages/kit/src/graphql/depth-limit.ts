import {
  type ASTNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fragmentWalker } from './fragment-walk.ts';

/**
 * Refuses operations nested deeper than `max` levels (fragments expanded), so a client cannot make a subgraph
 * walk an arbitrarily deep graph (`incident { commander { commandedIncidents { commander … } } }`).
 * Each fragment's depth is computed once (fragment-walk.ts).
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const spreadDepth = fragmentWalker(context, 0, (set: SelectionSetNode) => depthOf(set));
    const depthOf = (set: SelectionSetNode | undefined): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          // Introspection fields are part of tooling, not data access; they never count.
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, sel.selectionSet ? 1 + depthOf(sel.selectionSet) : 1);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel.selectionSet));
        } else {
          deepest = Math.max(deepest, spreadDepth(sel.name.value));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet);
        if (depth > max) {
          context.reportError(
            new GraphQLError(`operation is ${depth} levels deep; the limit is ${max}`, {
              nodes: [node as ASTNode],
              extensions: {
                code: 'VALIDATION',
                details: [{ field: 'query', issue: `depth must be at most ${max}` }],
              },
            }),
          );
        }
      },
    };
  };
}
