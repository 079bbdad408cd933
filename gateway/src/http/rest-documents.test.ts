import { readdirSync, readFileSync } from 'node:fs';
import { checkDocument, graphqlHardening } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnv } from '../config.ts';
import { apiSchemaOf } from '../realtime/schema.ts';
import { graphqlLimitsOf } from './graphql-limits.ts';

/**
 * The REST adapters are the gateway's own clients: every document they send must pass the gateway's limits at
 * their defaults (parsed within the token budget, validated with the same rules and options), or a REST route
 * would answer 400 for a request its caller got right.
 */
const ROOT = new URL('../../../', import.meta.url);
const SUPERGRAPH = readFileSync(new URL('gateway/supergraph.graphql', ROOT), 'utf8');
const schema = apiSchemaOf(SUPERGRAPH);
const hardening = graphqlHardening(graphqlLimitsOf(loadGatewayEnv({}, SUPERGRAPH)));

const adapters = readdirSync(new URL('rest-adapters/', ROOT), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('REST adapter documents', () => {
  it('finds the adapters', () => {
    expect(adapters).toEqual(expect.arrayContaining(['incidents', 'users']));
  });

  it.each(adapters)('%s: every document passes the gateway limits', async (adapter) => {
    const documents = (await import(
      new URL(`rest-adapters/${adapter}/src/documents.ts`, ROOT).href
    )) as Record<string, unknown>;
    const operations = Object.entries(documents).filter(
      (entry): entry is [string, { query: string }] =>
        typeof entry[1] === 'object' &&
        entry[1] !== null &&
        typeof (entry[1] as { query?: unknown }).query === 'string',
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const [name, op] of operations) {
      const result = checkDocument(schema, op.query, hardening);
      expect(result.ok ? 'ok' : `${name}: ${result.error.message}`).toBe('ok');
    }
  });
});
