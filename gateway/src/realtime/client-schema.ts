import { type GraphQLSchema, printSchema } from 'graphql';
import { buildRealtimeSchema, type RealtimeSchema } from './schema.ts';
import { SOURCES } from './sources/index.ts';
import { readSubscriptionSdl, SUBGRAPHS_DIR } from './subscription-sdl.ts';

/**
 * The whole schema a client of the gateway sees: the supergraph's API schema (queries and mutations over HTTP)
 * plus every declared subscription (over graphql-ws). What HTTP introspection answers, what `npm run compose`
 * prints to gateway/client-schema.graphql, and what codegen reads. `skipped` lists the subscriptions left out
 * because the supergraph lacks a type they need (as the realtime server leaves them out).
 */
export function buildClientSchema(
  supergraphSdl: string,
  subgraphsDir = SUBGRAPHS_DIR,
): Pick<RealtimeSchema, 'schema' | 'skipped'> {
  const { schema, skipped } = buildRealtimeSchema(supergraphSdl, SOURCES, readSubscriptionSdl(subgraphsDir));
  return { schema, skipped };
}

export const printClientSchema = (schema: GraphQLSchema): string => `${printSchema(schema).trimEnd()}\n`;
