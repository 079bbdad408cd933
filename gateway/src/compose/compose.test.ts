import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeFromRepo, composeSupergraph, readSubgraphSources, SUPERGRAPH_PATH } from './compose.ts';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const source = (name: string, sdl: string) => ({
  name,
  url: `http://127.0.0.1:1/${name}`,
  file: `${name}.graphql`,
  sdl,
});

describe('supergraph composition', () => {
  it('the committed gateway/supergraph.graphql equals a fresh composition (run `npm run compose`)', () => {
    const fresh = composeFromRepo();
    if (!fresh.ok) throw new Error(fresh.errors.join('\n'));
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(fresh.supergraphSdl);
  });

  it('joins entities across subgraphs and records each subgraph URL', () => {
    const result = composeSupergraph([
      source(
        'a',
        `${LINK}\ntype Thing @key(fields: "id") { id: ID! name: String! }\ntype Query { thing(id: ID!): Thing }`,
      ),
      source('b', `${LINK}\ntype Thing @key(fields: "id") { id: ID! price: Int! }`),
    ]);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.supergraphSdl).toContain('@join__graph(name: "a", url: "http://127.0.0.1:1/a")');
    expect(result.supergraphSdl).toMatch(/price: Int!\s+@join__field\(graph: B\)/);
  });

  it('fails with the errors when two subgraphs disagree', () => {
    const result = composeSupergraph([
      source('a', `${LINK}\ntype Query { answer: Int }`),
      source('b', `${LINK}\ntype Query { answer: String }`),
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/answer/);
  });

  it('names the file of an SDL that does not parse', () => {
    const result = composeSupergraph([source('a', 'type Query { broken(')]);
    expect(result).toMatchObject({ ok: false, errors: [expect.stringContaining('a.graphql')] });
  });

  describe('reading subgraph folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-compose-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('takes only folders with a schema.graphql and refuses one missing from the registry', () => {
      for (const [name, sdl] of [
        ['incidents', `${LINK}\ntype Query { ping: Int }`],
        ['not-registered', `${LINK}\ntype Query { pong: Int }`],
      ] as const) {
        mkdirSync(join(root, 'subgraphs', name), { recursive: true });
        writeFileSync(join(root, 'subgraphs', name, 'schema.graphql'), sdl);
      }
      mkdirSync(join(root, 'subgraphs', 'users'), { recursive: true });
      const { sources, errors } = readSubgraphSources(root);
      expect(sources.map((s) => [s.name, s.url])).toEqual([['incidents', 'http://127.0.0.1:4002/graphql']]);
      expect(errors).toEqual([expect.stringContaining('subgraphs/not-registered')]);
    });
  });
});
