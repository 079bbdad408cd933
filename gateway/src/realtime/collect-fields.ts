import {
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/** Variables are already literals here (see normalize.ts), so `@skip`/`@include` are decided by reading them. */
function included(directives: readonly DirectiveNode[] | undefined): boolean {
  for (const d of directives ?? []) {
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    const value = arg?.value.kind === Kind.BOOLEAN ? arg.value.value : false;
    if (d.name.value === 'skip' && value) return false;
    if (d.name.value === 'include' && !value) return false;
  }
  return true;
}

/**
 * The fields a selection set selects on one object type, fragments expanded, by response key: what graphql-js
 * calls collectFields. Used on the payload type, where every fragment applies (it is an object type).
 */
export function collectFields(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  into = new Map<string, FieldNode[]>(),
  seen = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const sel of set.selections) {
    if (!included(sel.directives)) continue;
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      into.set(key, [...(into.get(key) ?? []), sel]);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      collectFields(sel.selectionSet, fragments, into, seen);
    } else {
      const def = fragments.get(sel.name.value);
      if (!def || seen.has(sel.name.value)) continue;
      seen.add(sel.name.value);
      collectFields(def.selectionSet, fragments, into, seen);
    }
  }
  return into;
}
