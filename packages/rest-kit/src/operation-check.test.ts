import { defineOperation } from '@polystatus/kit';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exportedOperations, operationErrors } from './operation-check.ts';

const schema = buildSchema(`
  type Query { thing(id: ID!): Thing }
  type Thing { id: ID! name: String! }
`);

const validateOnly = (op: { query: string }) => validate(schema, parse(op.query)).map((e) => e.message);

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

  it('reports a document the gateway would refuse for its size, though the schema accepts it', () => {
    const aliases = Array.from({ length: 51 }, (_, i) => `a${i}: thing(id: "1") { id }`).join(' ');
    const op = defineOperation(`query Many { ${aliases} }`);
    expect(validateOnly(op)).toEqual([]);
    expect(operationErrors(schema, op)).toEqual([expect.stringMatching(/^gateway limits: .*alias/i)]);
  });

  it('finds the operations among a module’s exports and nothing else', () => {
    const thing = defineOperation('query Thing { thing(id: "1") { id } }');
    const found = exportedOperations({ THING: thing, FIELDS: 'fragment F on Thing { id }', limit: 5 });
    expect(found).toEqual([['THING', thing]]);
  });
});
