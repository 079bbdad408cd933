import { buildSchema, getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkVariables, graphqlHardening } from './graphql-hardening.ts';

const schema = buildSchema('type User { id: ID! name: String } type Query { me: User user(id: ID!): User }');
const hardening = graphqlHardening({
  maxTokens: 1000,
  maxSelections: 500,
  maxDepth: 12,
  maxCost: 50_000,
  maxAliases: 50,
  maxDirectives: 50,
  maxIntrospectionRoots: 1,
  maxVariableValues: 100,
});
const check = (query: string) => checkDocument(schema, query, hardening);

describe('checkDocument', () => {
  it('accepts ordinary documents and the introspection query GraphiQL sends', () => {
    expect(check('query Me { me { id name } }').ok).toBe(true);
    expect(check(getIntrospectionQuery()).ok).toBe(true);
  });

  it('refuses a token flood while parsing', () => {
    const result = check(`{ me { id ${'@include(if: true) '.repeat(5000)} } }`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/contains more th.. 1000 tokens/);
  });

  it('answers one error, without suggestions', () => {
    const result = check('{ me { nam idd namee } }');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('Cannot query field "nam" on type "User".');
    }
  });
});

describe('checkVariables', () => {
  it('counts list items and object entries, and refuses past the limit', () => {
    expect(
      checkVariables({ ids: Array.from({ length: 99 }, String) }, { maxVariableValues: 100 }),
    ).toBeUndefined();
    const refusal = checkVariables({ ids: Array.from({ length: 101 }, String) }, { maxVariableValues: 100 });
    expect(refusal?.code).toBe('VALIDATION');
    // a, b, c and three items: six values
    expect(checkVariables({ a: { b: { c: [1, 2, 3] } } }, { maxVariableValues: 6 })).toBeUndefined();
    expect(checkVariables({ a: { b: { c: [1, 2, 3, 4] } } }, { maxVariableValues: 6 })).toBeDefined();
    expect(checkVariables(null, { maxVariableValues: 1 })).toBeUndefined();
  });

  it('stops counting at the limit, whatever the size of the payload', () => {
    const huge = { list: Array.from({ length: 1_000_000 }, () => 1) };
    const started = performance.now();
    expect(checkVariables(huge, { maxVariableValues: 1000 })).toBeDefined();
    expect(performance.now() - started).toBeLessThan(50);
  });
});
