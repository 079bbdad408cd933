import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentWalker } from './fragment-walk.ts';

/** What an operation asks of the servers, fragments expanded. Every count includes meta-fields (`__typename`). */
export interface OperationMeasure {
  /**
   * Deepest field nesting (a top-level field is depth 1). An introspection root counts as one level: what lies
   * below it is bounded by graphql's MaxIntrospectionDepthRule (part of `specifiedRules` since 16.9) and by the
   * selection count, and the standard introspection query alone is 15 levels deep.
   */
  depth: number;
  /** Estimated work: each field counts 1 plus its selection, times its list argument (`first`/`last`/`limit`). */
  cost: number;
  /** Field selections, each alias and each meta-field counting once. */
  selections: number;
  aliases: number;
  /** Directives on the operation, its selections and the fragments it spreads. */
  directives: number;
  /** `__schema` and `__type` fields at the operation's root: each is a walk of the whole schema. */
  introspectionRoots: number;
}

export interface MeasureOptions {
  /** Size assumed for a list argument given as a variable whose value is not known (validation time). */
  assumedListSize?: number;
  /** The request's variables, when known: list arguments given as variables then count at their value. */
  variables?: Readonly<Record<string, unknown>> | null;
  /** With the schema, a list argument left out counts at its default (`first: Int = 50`), not as 1. */
  schema?: GraphQLSchema;
}

/** Arguments that size the list a field returns. */
const LIST_ARGUMENTS = new Set(['first', 'last', 'limit']);
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
const DEFAULT_ASSUMED_LIST_SIZE = 100;

const ZERO: OperationMeasure = {
  depth: 0,
  cost: 0,
  selections: 0,
  aliases: 0,
  directives: 0,
  introspectionRoots: 0,
};

// Totals only meet the limits in comparisons; saturating keeps a hostile product from overflowing into nonsense.
const sat = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER);

const directiveCount = (directives: readonly DirectiveNode[] | undefined) => directives?.length ?? 0;

/**
 * Measures every operation of a document in one walk. Each fragment is measured once (fragment-walk.ts), so
 * the walk is linear in the document however its fragments spread each other; a fragment cycle measures as
 * empty at the point it closes (graphql's NoFragmentCycles rule refuses it).
 */
export function documentMeasurer(
  document: DocumentNode,
  options: MeasureOptions = {},
): (operation: OperationDefinitionNode) => OperationMeasure {
  const assumed = options.assumedListSize ?? DEFAULT_ASSUMED_LIST_SIZE;
  const { schema } = options;
  // Duck-typed, not graphql's isObjectType(): under vitest the schema comes from graphql's CommonJS build and
  // this module from its ESM build, and graphql's instanceof checks throw across the two.
  const fieldDef = (parent: GraphQLNamedType | undefined, name: string) =>
    parent && 'getFields' in parent
      ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown> | undefined>)[name]
      : undefined;
  const named = (type: GraphQLType | undefined): GraphQLNamedType | undefined => {
    let t = type;
    while (t && 'ofType' in t) t = t.ofType;
    return t;
  };
  const multiplier = (field: FieldNode, parent: GraphQLNamedType | undefined): number => {
    for (const arg of field.arguments ?? []) {
      if (!LIST_ARGUMENTS.has(arg.name.value)) continue;
      if (arg.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
      if (arg.value.kind === Kind.VARIABLE) {
        const value = options.variables?.[arg.value.name.value];
        return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : assumed;
      }
    }
    for (const arg of fieldDef(parent, field.name.value)?.args ?? []) {
      if (LIST_ARGUMENTS.has(arg.name) && typeof arg.defaultValue === 'number')
        return Math.max(1, arg.defaultValue);
    }
    return 1;
  };
  const typeNamed = (name: string | undefined) =>
    schema && name ? (schema.getType(name) ?? undefined) : undefined;
  const spread = fragmentWalker<OperationMeasure>(document, ZERO, (fragment) => {
    const inner = measure(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value));
    return { ...inner, directives: sat(inner.directives + directiveCount(fragment.directives)) };
  });
  // `parent` is the type the selection set selects from, when the schema is known; it only prices defaults.
  const measure = (set: SelectionSetNode | undefined, parent?: GraphQLNamedType): OperationMeasure => {
    let depth = 0;
    let cost = 0;
    let selections = 0;
    let aliases = 0;
    let directives = 0;
    let introspectionRoots = 0;
    for (const sel of set?.selections ?? []) {
      directives += directiveCount(sel.directives);
      if (sel.kind === Kind.FIELD) {
        const type = fieldDef(parent, sel.name.value)?.type;
        const inner = measure(sel.selectionSet, named(type));
        const introspection = INTROSPECTION_ROOTS.has(sel.name.value);
        depth = Math.max(depth, 1 + (introspection ? 0 : inner.depth));
        cost += (1 + inner.cost) * multiplier(sel, parent);
        selections += 1 + inner.selections;
        aliases += (sel.alias ? 1 : 0) + inner.aliases;
        directives += inner.directives;
        if (introspection) introspectionRoots++;
        continue;
      }
      const inner =
        sel.kind === Kind.INLINE_FRAGMENT
          ? measure(sel.selectionSet, typeNamed(sel.typeCondition?.name.value) ?? parent)
          : spread(sel.name.value);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      selections += inner.selections;
      aliases += inner.aliases;
      directives += inner.directives;
      // A fragment spread at the root brings its own root fields, introspection included.
      introspectionRoots += inner.introspectionRoots;
    }
    return {
      depth,
      cost: sat(cost),
      selections: sat(selections),
      aliases: sat(aliases),
      directives: sat(directives),
      introspectionRoots,
    };
  };
  return (operation) => {
    const m = measure(operation.selectionSet, schema?.getRootType(operation.operation) ?? undefined);
    const own =
      directiveCount(operation.directives) +
      (operation.variableDefinitions ?? []).reduce((n, v) => n + directiveCount(v.directives), 0);
    return { ...m, directives: sat(m.directives + own) };
  };
}
