import {
  type ASTNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Refuses operations nested deeper than `max` levels (fragments expanded), so a client cannot make a subgraph
 * walk an arbitrarily deep graph (`incident { commander { commandedIncidents { commander … } } }`).
 *
 * Each fragment's depth is computed once and remembered: walking a fragment again at every spread would let a
 * 1 KB document of fragments that each spread the next one twice cost 2^n steps before anything refuses it.
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const fragmentDepth = new Map<string, number>();
    const visiting = new Set<string>();
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
    const spreadDepth = (name: string): number => {
      const known = fragmentDepth.get(name);
      if (known !== undefined) return known;
      const frag = fragments.get(name);
      // Unknown and cyclic fragments are reported by the standard rules; here they add nothing.
      if (!frag || visiting.has(name)) return 0;
      visiting.add(name);
      const depth = depthOf(frag.selectionSet);
      visiting.delete(name);
      fragmentDepth.set(name, depth);
      return depth;
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
