import { readFileSync } from 'node:fs';
import { checkDocument, DEFAULT_GRAPHQL_LIMITS, graphqlHardening } from '@polystatus/kit';
import { formatDocument, stringifyDocument } from '@urql/core';
import { buildSchema, type DocumentNode, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../generated/graphql.ts';

/**
 * Every GraphQL operation the app sends passes the gateway as it is configured by default: valid against the
 * committed client schema, and within its limits (tokens, depth, cost, aliases …). The documents are checked as
 * urql sends them (`formatDocument` adds `__typename` to every selection, which counts against the limits), so a
 * page whose query grows past a limit fails here rather than as a refusal in someone's browser. The test imports
 * the gateway's own check from the kit; the app itself never does (a dev dependency, for this file only).
 */
const schema = buildSchema(
  readFileSync(new URL('../../../gateway/client-schema.graphql', import.meta.url), 'utf8'),
);
const hardening = graphqlHardening(DEFAULT_GRAPHQL_LIMITS);

const isOperation = (value: unknown): value is DocumentNode =>
  typeof value === 'object' &&
  value !== null &&
  (value as DocumentNode).kind === Kind.DOCUMENT &&
  (value as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);

const operations = Object.entries(generated).filter(
  (entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && isOperation(entry[1]),
);

const refusal = (source: string): string | null => {
  const checked = checkDocument(schema, source, hardening);
  return checked.ok ? null : checked.error.message;
};

describe("the web app's GraphQL documents at the gateway's default limits", () => {
  it('finds every operation codegen typed', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it('would notice a document past a limit', () => {
    const aliases = Array.from(
      { length: DEFAULT_GRAPHQL_LIMITS.maxAliases + 1 },
      (_, n) => `a${n}: providers { id }`,
    );
    expect(refusal(`query TooMany { ${aliases.join(' ')} }`)).toMatch(/alias/i);
  });

  it.each(operations)('%s is accepted as urql sends it', (_name, document) => {
    expect(refusal(stringifyDocument(formatDocument(document)))).toBeNull();
  });
});
