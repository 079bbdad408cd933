import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  type NameNode,
  print,
  type SelectionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { GraphResult } from './graph-executor.ts';
import type { GraphStep, StreamEvent } from './source.ts';

const name = (value: string): NameNode => ({ kind: Kind.NAME, value });
const TYPENAME: FieldNode = { kind: Kind.FIELD, name: name('__typename') };

/** One hydrated payload field as the client selected it (one response key), and how to reach it. */
export interface HydratedSelection {
  responseKey: string;
  steps: GraphStep[];
  fieldNodes: FieldNode[];
}

interface Variable {
  name: string;
  value: (event: StreamEvent) => unknown;
}

/**
 * The one gateway query a group runs per event: every hydrated field the group selected, each under its own
 * alias, reached by its declared path and carrying the client's own selection. Built once per group; each
 * event only supplies variable values.
 */
export class HydrationQuery {
  readonly text: string;
  private readonly variables: Variable[] = [];
  private readonly aliases: { alias: string; selection: HydratedSelection }[] = [];

  constructor(
    schema: GraphQLSchema,
    selections: HydratedSelection[],
    fragments: Map<string, FragmentDefinitionNode>,
    private readonly rootKey: string,
  ) {
    const definitions: string[] = [];
    const fields: SelectionNode[] = [];
    const usedFragments = new Set<string>();
    selections.forEach((selection, i) => {
      const alias = `h${i}`;
      this.aliases.push({ alias, selection });
      let parent: GraphQLObjectType = schema.getQueryType()!;
      const chain: { node: Omit<FieldNode, 'selectionSet'> }[] = [];
      selection.steps.forEach((step, j) => {
        const def = parent.getFields()[step.field];
        if (!def) throw new Error(`hydration path: ${parent.name}.${step.field} does not exist`);
        for (const arg of Object.keys(step.args ?? {})) {
          if (!def.args.some((a) => a.name === arg))
            throw new Error(`hydration path: ${step.field}(${arg}:) does not exist`);
        }
        const args = def.args.filter((a) => step.args?.[a.name]);
        const node: Omit<FieldNode, 'selectionSet'> = {
          kind: Kind.FIELD,
          ...(j === 0 ? { alias: name(alias) } : {}),
          name: name(step.field),
          arguments: args.map((a) => {
            const variable = `${alias}_${j}_${a.name}`;
            this.variables.push({ name: variable, value: step.args![a.name]! });
            definitions.push(`$${variable}: ${String(a.type)}`);
            return {
              kind: Kind.ARGUMENT,
              name: name(a.name),
              value: { kind: Kind.VARIABLE, name: name(variable) },
            };
          }),
        };
        chain.push({ node });
        const named = getNamedType(def.type);
        if (j < selection.steps.length - 1) {
          if (!isObjectType(named))
            throw new Error(`hydration path: ${parent.name}.${step.field} is not an object`);
          parent = named;
        }
      });
      // The client's selections for this response key, merged as graphql-js merges them, plus __typename
      // everywhere so abstract types resolve when the result is executed locally.
      const leaf: SelectionSetNode = withTypename({
        kind: Kind.SELECTION_SET,
        selections: selection.fieldNodes.flatMap((f) => f.selectionSet?.selections ?? []),
      });
      visit(leaf, { FragmentSpread: (s) => void usedFragments.add(s.name.value) });
      let set: SelectionSetNode = leaf;
      for (let j = chain.length - 1; j >= 0; j--) {
        const field: FieldNode = { ...chain[j]!.node, selectionSet: set };
        set = { kind: Kind.SELECTION_SET, selections: [field] };
      }
      fields.push(...set.selections);
    });
    // Fragments may spread other fragments: take the closure.
    const pending = [...usedFragments];
    while (pending.length) {
      const frag = fragments.get(pending.pop()!);
      if (!frag) continue;
      visit(frag, {
        FragmentSpread: (s) => {
          if (!usedFragments.has(s.name.value)) {
            usedFragments.add(s.name.value);
            pending.push(s.name.value);
          }
        },
      });
    }
    const body = print({ kind: Kind.SELECTION_SET, selections: fields });
    const fragmentText = [...usedFragments]
      .sort()
      .map((f) => fragments.get(f))
      .filter((f): f is FragmentDefinitionNode => f !== undefined)
      .map((f) => print({ ...f, selectionSet: withTypename(f.selectionSet) }));
    const signature = definitions.length ? `(${definitions.join(', ')})` : '';
    this.text = [`query RealtimeHydrate${signature} ${body}`, ...fragmentText].join('\n');
  }

  variablesFor(event: StreamEvent): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const v of this.variables) values[v.name] = v.value(event) ?? null;
    return values;
  }

  /** The hydrated value for each response key, and the gateway's errors moved to where the client sees them. */
  extract(result: GraphResult): { values: Map<string, unknown>; errors: GraphQLFormattedError[] } {
    const values = new Map<string, unknown>();
    for (const { alias, selection } of this.aliases) {
      let value: unknown = result.data?.[alias];
      selection.steps.forEach((step, j) => {
        if (j > 0) value = (value as Record<string, unknown> | null | undefined)?.[step.field];
        if (step.index !== undefined) value = (value as unknown[] | null | undefined)?.[step.index];
      });
      values.set(selection.responseKey, value ?? null);
    }
    const errors = (result.errors ?? []).map((err) => this.repath(err));
    return { values, errors };
  }

  private repath(err: GraphQLFormattedError): GraphQLFormattedError {
    const [head, ...rest] = err.path ?? [];
    const hit = this.aliases.find((a) => a.alias === head);
    if (!hit) return { message: err.message, ...(err.extensions ? { extensions: err.extensions } : {}) };
    const depth = hit.selection.steps.reduce((n, s) => n + (s.index !== undefined ? 2 : 1), 0) - 1;
    return {
      message: err.message,
      path: [this.rootKey, hit.selection.responseKey, ...rest.slice(depth)],
      ...(err.extensions ? { extensions: err.extensions } : {}),
    };
  }
}

function withTypename(set: SelectionSetNode): SelectionSetNode {
  return visit(set, {
    SelectionSet: (s) =>
      s.selections.some((x) => x.kind === Kind.FIELD && x.name.value === '__typename' && !x.alias)
        ? undefined
        : { ...s, selections: [...s.selections, TYPENAME] },
  }) as SelectionSetNode;
}
