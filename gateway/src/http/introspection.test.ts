import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isIntrospectionOnly } from './introspection.ts';

const only = (query: string) => {
  const document = parse(query);
  return isIntrospectionOnly(document, getOperationAST(document)!);
};

describe('isIntrospectionOnly', () => {
  it('is true when every root field is introspection, through fragments too', () => {
    expect(only('{ __schema { types { name } } }')).toBe(true);
    expect(only('query Q($n: String!) { __type(name: $n) { name } __typename }')).toBe(true);
    expect(only('query { ...F } fragment F on Query { __schema { queryType { name } } }')).toBe(true);
    expect(only('{ ... on Query { __type(name: "Incident") { name } } }')).toBe(true);
  });

  it('is false as soon as one root field reads data, or for a mutation', () => {
    expect(only('{ __schema { types { name } } incidents { totalCount } }')).toBe(false);
    expect(only('query { ...F } fragment F on Query { __typename incident(id: "x") { id } }')).toBe(false);
    expect(only('{ incident(id: "x") { __typename } }')).toBe(false);
    expect(only('mutation { __typename }')).toBe(false);
  });
});
