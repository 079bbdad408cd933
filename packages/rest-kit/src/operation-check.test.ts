import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineOperation } from './graphql-operation.ts';
import { exportedOperations, operationErrors } from './operation-check.ts';

const schema = buildSchema(`
  type Query { thing(id: ID!): Thing }
  type Thing { id: ID! name: String! }
`);

describe('operation checks', () => {
  it('accepts an operation the schema can answer', () => {
    const op = defineOperation('query Thing($id: ID!) { thing(id: $id) { id name } }');
    expect(operationErrors(schema, op)).toEqual([]);
  });

  it('reports an unknown field and a wrongly typed variable, which parsing alone lets through', () => {
    const op = defineOperation('query Thing($id: String!) { thing(id: $id) { id colour } }');
    expect(operationErrors(schema, op)).toEqual([
      'Cannot query field "colour" on type "Thing".',
      'Variable "$id" of type "String!" used in position expecting type "ID!".',
    ]);
  });

  it('finds the operations among a module’s exports and nothing else', () => {
    const thing = defineOperation('query Thing { thing(id: "1") { id } }');
    const found = exportedOperations({ THING: thing, FIELDS: 'fragment F on Thing { id }', limit: 5 });
    expect(found).toEqual([['THING', thing]]);
  });
});
