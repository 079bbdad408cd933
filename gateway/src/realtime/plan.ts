import type { Principal } from '@polystatus/kit';
import { fieldError } from '@polystatus/kit';
import {
  type DocumentNode,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  type OperationDefinitionNode,
  print,
  visit,
} from 'graphql';
import { type AccessLevel, accessLevelOf, authorize } from './access.ts';
import { collectFields } from './collect-fields.ts';
import { HydrationQuery } from './hydration-query.ts';
import { fragmentsOf, normalizeOperation, toDocument } from './normalize.ts';
import type { SubscriptionSource } from './source.ts';
import { isStreamId } from './stream-id.ts';

/** Everything the hub needs to place one subscription, computed once when it starts. */
export interface SubscriptionPlan {
  source: SubscriptionSource;
  /** The field's arguments, coerced, without `after`. */
  args: Record<string, unknown>;
  after: string | null;
  level: AccessLevel;
  /** Subscribers with equal keys receive byte-identical payloads, so they share one hydration per event. */
  groupKey: string;
  /** What runs locally per group and event: variable-free, `after` removed. */
  document: DocumentNode;
  /** Null when the selection needs nothing from the gateway. */
  hydration: HydrationQuery | null;
}

/**
 * Plans a validated subscription operation. Throws DomainError for refused access or a bad `after`; returns
 * GraphQL errors for variables that do not coerce.
 */
export function planSubscription(
  schema: GraphQLSchema,
  sources: ReadonlyMap<string, SubscriptionSource>,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  principal: Principal,
): SubscriptionPlan | readonly GraphQLError[] {
  const normalized = normalizeOperation(schema, operation, fragmentsOf(document), variables);
  if (!('operation' in normalized)) return normalized;
  const { fragments } = normalized;
  const roots = collectFields(normalized.operation.selectionSet, fragments);
  const [rootKey, rootNodes] = [...roots][0] ?? [];
  if (!rootKey || !rootNodes) return [new GraphQLError('a subscription selects exactly one field')];
  const fieldName = rootNodes[0]!.name.value;
  const source = sources.get(fieldName);
  const fieldDef = schema.getSubscriptionType()?.getFields()[fieldName];
  if (!source || !fieldDef) return [new GraphQLError(`no subscription ${fieldName}`)];

  authorize(source.access, principal, fieldName);
  const { after: rawAfter, ...args } = getArgumentValues(fieldDef, rootNodes[0]!, {});
  const after = typeof rawAfter === 'string' ? rawAfter : null;
  if (after !== null && !isStreamId(after))
    throw fieldError('after', 'must be a cursor this subscription sent');

  const withoutAfter = stripRootArgument(toDocument(normalized), schema.getSubscriptionType()!.name, 'after');
  const level = accessLevelOf(principal);
  const payloadFields = new Map<string, FieldNode[]>();
  for (const root of rootNodes)
    if (root.selectionSet) collectFields(root.selectionSet, fragments, payloadFields);
  const hydrated = [...payloadFields]
    .filter(([, nodes]) => nodes[0]!.name.value in source.hydrate)
    .map(([responseKey, fieldNodes]) => ({
      responseKey,
      fieldNodes,
      steps: source.hydrate[fieldNodes[0]!.name.value]!,
    }));
  return {
    source,
    args,
    after,
    level,
    groupKey: `${level}\n${print(withoutAfter)}`,
    document: withoutAfter,
    hydration: hydrated.length ? new HydrationQuery(schema, hydrated, fragments, rootKey) : null,
  };
}

/** `after` only decides where a subscriber starts; removing it lets subscribers resuming anywhere share a group. */
function stripRootArgument(document: DocumentNode, subscriptionType: string, arg: string): DocumentNode {
  let depth = 0;
  let rootLevel = false;
  return visit(document, {
    OperationDefinition: {
      enter: () => {
        rootLevel = true;
      },
    },
    FragmentDefinition: {
      enter: (f) => {
        rootLevel = f.typeCondition.name.value === subscriptionType;
      },
    },
    Field: {
      enter: () => {
        depth++;
      },
      leave: () => {
        depth--;
      },
    },
    Argument: (node) => (rootLevel && depth === 1 && node.name.value === arg ? null : undefined),
  });
}
