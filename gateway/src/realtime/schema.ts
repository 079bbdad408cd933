import { printSchema, Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  type DefinitionNode,
  type DocumentNode,
  extendSchema,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  parse,
} from 'graphql';
import type { GraphStep, SubscriptionSource } from './source.ts';
import { type SubscriptionField, type SubscriptionSdl, subscriptionFields } from './subscription-sdl.ts';

/** Where a payload object keeps the values read through the gateway, by the client's response key. */
export const HYDRATED = Symbol('hydrated');
export type PayloadObject = Record<string, unknown> & { [HYDRATED]?: Map<string, unknown> };

/**
 * The API schema clients see on the socket: exactly the gateway's (derived from the same supergraph file, so
 * both always agree), plus `type Subscription` assembled from the domains' `subscriptions.graphql` and served by
 * the sources. The gateway never sees that type: `@apollo/gateway` cannot execute subscriptions, so no subgraph
 * declares one.
 */
export interface RealtimeSchema {
  schema: GraphQLSchema;
  /** The sources the supergraph can serve. */
  sources: SubscriptionSource[];
  /** Sources left out because the supergraph lacks a type they need (their domain is not composed in). */
  skipped: { field: string; reason: string }[];
}

export function buildRealtimeSchema(
  supergraphSdl: string,
  sources: readonly SubscriptionSource[],
  declared: readonly SubscriptionSdl[],
): RealtimeSchema {
  const api = apiSchemaOf(supergraphSdl);
  if (api.getSubscriptionType()) throw new Error('the supergraph must not define a Subscription type');
  const fields = pairWithSources(sources, subscriptionFields(declared));
  const usable: SubscriptionSource[] = [];
  const skipped: RealtimeSchema['skipped'] = [];
  for (const source of sources) {
    try {
      extendSchema(api, subscriptionDocument([fields.get(source.field)!]));
      usable.push(source);
    } catch (err) {
      skipped.push({ field: source.field, reason: (err as Error).message.split('\n')[0]! });
    }
  }
  if (!usable.length) return { schema: api, sources: usable, skipped };
  const schema = extendSchema(api, subscriptionDocument(usable.map((s) => fields.get(s.field)!)));
  for (const source of usable) attachPayloadResolvers(schema, source);
  return { schema, sources: usable, skipped };
}

/**
 * Every source needs its field, declared beside the domain whose stream it reads, and every declared field needs
 * a source: either half alone is a mistake to stop at start, not a field that never delivers.
 */
function pairWithSources(
  sources: readonly SubscriptionSource[],
  fields: Map<string, SubscriptionField>,
): Map<string, SubscriptionField> {
  const problems: string[] = [];
  for (const source of sources) {
    const declared = fields.get(source.field);
    const home = `subgraphs/${source.domain}/subscriptions.graphql`;
    if (!declared) problems.push(`source ${source.field}: no field Subscription.${source.field} in ${home}`);
    else if (declared.domain !== source.domain)
      problems.push(`source ${source.field} reads the ${source.domain} stream, so declare it in ${home}`);
  }
  const served = new Set(sources.map((s) => s.field));
  for (const [name, declared] of fields) {
    if (!served.has(name))
      problems.push(`${declared.file}: Subscription.${name} has no source in gateway/src/realtime/sources`);
  }
  if (problems.length)
    throw new Error(`subscriptions and their sources disagree:\n  ${problems.join('\n  ')}`);
  return fields;
}

const SCHEMA_EXTENSION = parse('extend schema { subscription: Subscription }').definitions[0]!;

/** `type Subscription` with these fields, the types they need (each once), and the schema's new root. */
function subscriptionDocument(fields: readonly SubscriptionField[]): DocumentNode {
  const types = new Map<string, DefinitionNode>();
  for (const f of fields) for (const t of f.types) types.set(t.name.value, t);
  const root: DefinitionNode = {
    kind: Kind.OBJECT_TYPE_DEFINITION,
    name: { kind: Kind.NAME, value: 'Subscription' },
    fields: fields.map((f) => f.field),
  };
  return { kind: Kind.DOCUMENT, definitions: [...types.values(), root, SCHEMA_EXTENSION] };
}

/**
 * Payload objects hold local fields by name and hydrated ones by the client's response key (one hydration per
 * alias). Everything below a hydrated field is gateway JSON, read by response key with `responseKeyResolver`.
 */
function attachPayloadResolvers(schema: GraphQLSchema, source: SubscriptionSource): void {
  // Present: pairWithSources matched every source with its declared field.
  const root = schema.getSubscriptionType()!.getFields()[source.field]!;
  if (!root.args.some((a) => a.name === 'after'))
    throw new Error(`source ${source.field}: must take after: String`);
  root.resolve = (payload) => payload;
  const payloadType = getNamedType(root.type);
  if (!isObjectType(payloadType))
    throw new Error(`source ${source.field}: the payload must be an object type`);
  for (const [name, field] of Object.entries((payloadType as GraphQLObjectType).getFields())) {
    field.resolve =
      name in source.hydrate
        ? (obj: PayloadObject, _args, _ctx, info) => obj[HYDRATED]?.get(info.path.key as string) ?? null
        : (obj: PayloadObject) => obj[name];
  }
  for (const [name, steps] of Object.entries(source.hydrate)) {
    if (!(payloadType as GraphQLObjectType).getFields()[name]) {
      throw new Error(`source ${source.field}: hydrated field ${name} is not on ${payloadType.name}`);
    }
    checkPath(schema, `source ${source.field}, ${name}`, steps);
  }
}

/** A declaration's path from Query must exist, so a mistake fails at start rather than at the first subscriber. */
function checkPath(schema: GraphQLSchema, where: string, steps: GraphStep[]): void {
  let parent: GraphQLNamedType = schema.getQueryType()!;
  for (const step of steps) {
    const field: GraphQLField<unknown, unknown> | undefined = isObjectType(parent)
      ? parent.getFields()[step.field]
      : undefined;
    if (!field) throw new Error(`${where}: ${parent.name}.${step.field} does not exist`);
    for (const arg of Object.keys(step.args ?? {})) {
      if (!field.args.some((a) => a.name === arg))
        throw new Error(`${where}: ${step.field}(${arg}:) does not exist`);
    }
    parent = getNamedType(field.type) as GraphQLNamedType;
  }
}

/** Gateway JSON is keyed by response key (aliases included), not by field name. */
export const responseKeyResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) =>
  source && typeof source === 'object'
    ? (source as Record<string, unknown>)[info.path.key as string]
    : undefined;

/**
 * The supergraph's API schema (join/link machinery and @inaccessible elements removed), rebuilt from its SDL
 * with this module's graphql: federation-internals is CommonJS, and a schema object made by its copy of graphql
 * is refused by an ESM copy (vitest loads that one). Without locations: the SDL is generated, so a position in
 * it helps nobody, and the nodes kept every token of it (9,000 tokens, 0.7 MB for the process's life).
 */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema =>
  buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()), { noLocation: true });
