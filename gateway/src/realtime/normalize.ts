import {
  astFromValue,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getVariableValues,
  isInputType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  typeFromAST,
  type ValueNode,
  visit,
} from 'graphql';

/**
 * One operation of a document with its variables written in as literals, and only the fragments it uses.
 * Two clients that send the same selection with the same values get the same printed document, whatever they
 * named their operation or variables: that printed form is what groups subscribers.
 */
export interface NormalizedOperation {
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
}

const NULL: ValueNode = { kind: Kind.NULL };

export function normalizeOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  allFragments: Map<string, FragmentDefinitionNode>,
  rawVariables: Record<string, unknown> | null | undefined,
): NormalizedOperation | readonly GraphQLError[] {
  const definitions = operation.variableDefinitions ?? [];
  const coerced = getVariableValues(schema, definitions, rawVariables ?? {});
  if (coerced.errors) return coerced.errors;
  const values = coerced.coerced;
  const types = new Map<string, GraphQLInputType>();
  for (const def of definitions) {
    // Validation has run: every variable's type exists and is an input type.
    const type = typeFromAST(schema, def.type);
    if (type && isInputType(type)) types.set(def.variable.name.value, type);
  }
  const absent = (value: ValueNode) => value.kind === Kind.VARIABLE && !(value.name.value in values);

  const inline = <T extends OperationDefinitionNode | FragmentDefinitionNode>(node: T): T =>
    visit(node, {
      VariableDefinition: () => null,
      // An argument or input field given an absent variable is as if it had not been written.
      Argument: (arg) => (absent(arg.value) ? null : undefined),
      ObjectField: (field) => (absent(field.value) ? null : undefined),
      Variable: (v) => {
        const type = types.get(v.name.value);
        return (type && astFromValue(values[v.name.value], type)) ?? NULL;
      },
    }) as T;

  const fragments = new Map<string, FragmentDefinitionNode>();
  const visitSet = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    visit(set, {
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        const def = allFragments.get(name);
        if (!def || fragments.has(name)) return;
        fragments.set(name, inline(def));
        visitSet(def.selectionSet);
      },
    });
  };
  visitSet(operation.selectionSet);
  const normalized = inline({ ...operation, name: undefined });
  return { operation: normalized, fragments };
}

export const fragmentsOf = (document: DocumentNode): Map<string, FragmentDefinitionNode> =>
  new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );

export const toDocument = (n: NormalizedOperation): DocumentNode => ({
  kind: Kind.DOCUMENT,
  definitions: [
    n.operation,
    ...[...n.fragments.values()].sort((a, b) => a.name.value.localeCompare(b.name.value)),
  ],
});
