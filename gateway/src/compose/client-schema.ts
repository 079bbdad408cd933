import { join } from 'node:path';
import { buildClientSchema, printClientSchema } from '../realtime/client-schema.ts';
import { REPO_ROOT } from './compose.ts';

/** The schema clients see (API schema plus subscriptions), printed for codegen and for people to read. */
export const CLIENT_SCHEMA_PATH = join(REPO_ROOT, 'gateway', 'client-schema.graphql');

/**
 * What `npm run compose` writes to CLIENT_SCHEMA_PATH for a freshly composed supergraph. That supergraph has
 * every domain of the checkout, so a subscription left out is a broken declaration: it fails here.
 */
export function clientSchemaSdl(supergraphSdl: string, root = REPO_ROOT): string {
  const { schema, skipped } = buildClientSchema(supergraphSdl, join(root, 'subgraphs'));
  if (skipped.length)
    throw new Error(skipped.map((s) => `subscription ${s.field} left out: ${s.reason}`).join('\n'));
  return printClientSchema(schema);
}
