import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costLimit } from './cost-limit.ts';
import { fragmentBomb } from './fragment-bomb.fixture.ts';

const schema = buildSchema(`
  type User { id: ID! name: String }
  type Incident { id: ID! title: String commander: User timeline(first: Int): [Note!]! }
  type Note { id: ID! message: String }
  type Query { incidents(first: Int): [Incident!]! me: User }
`);

const errorsFor = (query: string, maxCost = 50_000, maxFields = 500) =>
  validate(schema, parse(query), [costLimit({ maxCost, maxFields })]);

describe('costLimit', () => {
  it('accepts a dashboard-sized query', () => {
    const q = '{ incidents(first: 50) { id title commander { name } timeline(first: 100) { id message } } }';
    expect(errorsFor(q)).toHaveLength(0);
  });

  it('multiplies by list arguments, literal or variable', () => {
    // incidents: (1 + id 1 + title 1) * 100 = 300
    expect(errorsFor('{ incidents(first: 100) { id title } }', 299)).toHaveLength(1);
    expect(errorsFor('{ incidents(first: 100) { id title } }', 300)).toHaveLength(0);
    expect(errorsFor('query($n: Int) { incidents(first: $n) { id title } }', 299)).toHaveLength(1);
  });

  it('refuses many aliased copies of a list, which the depth limit lets through', () => {
    const copies = Array.from(
      { length: 200 },
      (_, i) => `a${i}: incidents(first: 100) { id title commander { name } }`,
    );
    const errors = errorsFor(`{ ${copies.join(' ')} }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions.code).toBe('VALIDATION');
  });

  it('caps the number of field selections, aliases included', () => {
    const copies = Array.from({ length: 300 }, (_, i) => `m${i}: me { id }`);
    expect(errorsFor(`{ ${copies.join(' ')} }`)).toHaveLength(1);
    expect(errorsFor(`{ ${copies.slice(0, 200).join(' ')} }`)).toHaveLength(0);
  });

  it('counts fragments once per spread, and meta-fields like any other field', () => {
    // incidents (1 + id + title) * 10 = 30; __schema 1 + types (1 + name) = 3; __typename 1
    const q =
      '{ incidents(first: 10) { ...F } __schema { types { name } } __typename } fragment F on Incident { id title }';
    expect(errorsFor(q, 34)).toHaveLength(0);
    expect(errorsFor(q, 33)).toHaveLength(1);
  });

  it('refuses an alias bomb of __typename, which costs nothing per field but fills a response', () => {
    const copies = Array.from({ length: 600 }, (_, i) => `t${i}: __typename`);
    expect(errorsFor(`{ ${copies.join(' ')} }`)).toHaveLength(1);
  });
});

describe('costLimit against a fragment bomb', () => {
  it('measures each fragment once, so nested double spreads stay linear and are refused quickly', () => {
    const { schema: bombSchema, query } = fragmentBomb();
    const started = performance.now();
    const errors = validate(bombSchema, parse(query), [costLimit({ maxCost: 50_000, maxFields: 500 })]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(errors).toHaveLength(1);
  });
});
