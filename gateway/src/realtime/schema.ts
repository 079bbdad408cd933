import { printSchema, Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  extendSchema,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  parse,
} from 'graphql';
import type { GraphStep, SubscriptionSource } from './source.ts';

/** Where a payload object keeps the values read through the gateway, by the client's response key. */
export const HYDRATED = Symbol('hydrated');
export type PayloadObject = Record<string, unknown> & { [HYDRATED]?: Map<string, unknown> };

/**
 * The API schema clients see on the socket: exactly the gateway's (derived from the same supergraph file, so
 * both always agree), plus `type Subscription` assembled from the declared sources. The gateway never sees
 * that type: `@apollo/gateway` cannot execute subscriptions, so no subgraph declares one.
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
): RealtimeSchema {
  const api = apiSchemaOf(supergraphSdl);
  if (api.getSubscriptionType()) throw new Error('the supergraph must not define a Subscription type');
  const usable: SubscriptionSource[] = [];
  const skipped: RealtimeSchema['skipped'] = [];
  for (const source of sources) {
    try {
      extendSchema(api, parse(subscriptionSdl([source])));
      usable.push(source);
    } catch (err) {
      skipped.push({ field: source.field, reason: (err as Error).message.split('\n')[0]! });
    }
  }
  if (!usable.length) return { schema: api, sources: usable, skipped };
  const schema = extendSchema(api, parse(subscriptionSdl(usable)));
  for (const source of usable) attachPayloadResolvers(schema, source);
  return { schema, sources: usable, skipped };
}

const subscriptionSdl = (sources: readonly SubscriptionSource[]): string =>
  [
    ...sources.map((s) => s.typeSdl),
    `type Subscription {\n${sources.map((s) => `  ${s.fieldSdl}`).join('\n')}\n}`,
    'extend schema { subscription: Subscription }',
  ].join('\n\n');

/**
 * Payload objects hold local fields by name and hydrated ones by the client's response key (one hydration per
 * alias). Everything below a hydrated field is gateway JSON, read by response key with `responseKeyResolver`.
 */
function attachPayloadResolvers(schema: GraphQLSchema, source: SubscriptionSource): void {
  const root = schema.getSubscriptionType()!.getFields()[source.field];
  if (!root) throw new Error(`source ${source.field}: no such field in its fieldSdl`);
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
 * is refused by an ESM copy (vitest loads that one).
 */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema =>
  buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
