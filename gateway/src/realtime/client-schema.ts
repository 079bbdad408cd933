import { type GraphQLSchema, printSchema } from 'graphql';
import { buildRealtimeSchema, type RealtimeSchema } from './schema.ts';
import { SOURCES } from './sources/index.ts';
import { readSubscriptionSdl, SUBGRAPHS_DIR } from './subscription-sdl.ts';

/**
 * The whole schema a client of the gateway sees: the supergraph's API schema (queries and mutations over HTTP)
 * plus every declared subscription (over graphql-ws). What HTTP introspection answers, what `npm run compose`
 * prints to gateway/client-schema.graphql, and what codegen reads. `skipped` lists the subscriptions left out
 * because the supergraph lacks a type they need (as the realtime server leaves them out). The gateway builds it
 * once and hands the same object to the realtime server (attachRealtime's `schema`): a second copy held 1.8 MB.
 */
export function buildClientSchema(supergraphSdl: string, subgraphsDir = SUBGRAPHS_DIR): RealtimeSchema {
  return buildRealtimeSchema(supergraphSdl, SOURCES, readSubscriptionSdl(subgraphsDir));
}

export const printClientSchema = (schema: GraphQLSchema): string => `${printSchema(schema).trimEnd()}\n`;
