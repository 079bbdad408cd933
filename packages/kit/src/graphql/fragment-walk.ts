import { type DocumentNode, type FragmentDefinitionNode, Kind } from 'graphql';

/**
 * The fragment half of a fold over an operation (its depth, its cost, its selections): each named fragment is
 * measured once and remembered. Re-walking a fragment at every spread would let a 1 KB document of fragments
 * that each spread the next one twice cost 2^n steps before anything refuses it. Unknown and cyclic fragments
 * are reported by graphql's standard rules; here they measure as `empty`.
 */
export function fragmentWalker<T>(
  document: DocumentNode,
  empty: T,
  measure: (fragment: FragmentDefinitionNode) => T,
): (fragmentName: string) => T {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const measured = new Map<string, T>();
  const visiting = new Set<string>();
  return (name) => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return empty;
    visiting.add(name);
    const value = measure(fragment);
    visiting.delete(name);
    measured.set(name, value);
    return value;
  };
}
