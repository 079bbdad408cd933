import { buildSchema, Kind, parse, specifiedRules, type ValidationRule, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fragmentBomb } from './fragment-bomb.fixture.ts';
import { operationLimits } from './operation-limits.ts';
import { documentMeasurer } from './operation-measure.ts';

const schema = buildSchema(`
  type User { id: ID! name: String incidents(first: Int): [Incident!]! }
  type Incident { id: ID! title: String commander: User }
  type Query { incidents(first: Int, limit: Int): [Incident!]! me: User }
`);

const measure = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (op?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
  return documentMeasurer(document, { variables })(op);
};

const repeat = (n: number, s: (i: number) => string) => Array.from({ length: n }, (_, i) => s(i)).join(' ');

describe('documentMeasurer', () => {
  it('counts every selection, alias, directive and introspection root, fragments expanded', () => {
    const m = measure(
      'query Q @a { a: me { id ...U } __typename __schema { types { name } } } fragment U on User @b { name @c }',
    );
    // me, id, name (through U), __typename, __schema, types, name
    expect(m.selections).toBe(7);
    expect(m.aliases).toBe(1);
    expect(m.directives).toBe(3);
    expect(m.introspectionRoots).toBe(1);
    // me > name; __schema counts one level, what lies below it is MaxIntrospectionDepthRule's
    expect(m.depth).toBe(2);
  });

  it('counts introspection roots that arrive through fragments, but not nested ones', () => {
    expect(
      measure(
        '{ ...I } fragment I on Query { __schema { queryType { name } } __type(name: "User") { name } }',
      ).introspectionRoots,
    ).toBe(2);
  });

  it('prices list arguments at the literal, the variable value when known, else the assumed size', () => {
    expect(measure('{ incidents(first: 10) { id } }').cost).toBe(20);
    expect(measure('query($n: Int) { incidents(limit: $n) { id } }').cost).toBe(200);
    expect(measure('query($n: Int) { incidents(limit: $n) { id } }', { n: 3 }).cost).toBe(6);
  });

  it('with the schema, prices a list argument left out at its default', () => {
    const withDefaults = buildSchema('type Item { id: ID } type Query { items(first: Int = 50): [Item!]! }');
    const document = parse('{ items { id } ... on Query { items { id } } }');
    const op = document.definitions[0];
    if (op?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
    expect(documentMeasurer(document, { schema: withDefaults })(op).cost).toBe(200);
    expect(documentMeasurer(document)(op).cost).toBe(4);
  });

  it('stays linear on a fragment bomb and on fragment cycles', () => {
    const { query } = fragmentBomb(40);
    const started = performance.now();
    expect(measure(query).selections).toBeGreaterThan(1e12);
    expect(
      measure('{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }').selections,
    ).toBe(2);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('operationLimits', () => {
  const limits = {
    maxSelections: 20,
    maxAliases: 3,
    maxDirectives: 3,
    maxIntrospectionRoots: 1,
    maxDepth: 3,
    maxCost: 1000,
  };
  const errorsFor = (query: string) => validate(schema, parse(query), [operationLimits(limits)]);

  it.each([
    ['selections', `{ ${repeat(21, () => '__typename')} }`, /21 field selections, at most 20/],
    ['aliases', `{ ${repeat(4, (i) => `a${i}: me { id }`)} }`, /4 aliases, at most 3/],
    [
      'directives',
      '{ __typename @include(if: true) @skip(if: false) @include(if: true) @skip(if: false) }',
      /4 directives/,
    ],
    [
      'introspection roots',
      '{ __schema { queryType { name } } __type(name: "User") { name } }',
      /2 introspection roots/,
    ],
    ['depth', '{ me { incidents { commander { id } } } }', /4 levels of depth, at most 3/],
    ['cost', '{ incidents(first: 500) { id title } }', /1500 estimated cost, at most 1000/],
  ])('refuses too many %s with one VALIDATION error naming the limit', (_, query, message) => {
    const errors = errorsFor(query);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(message);
    expect(errors[0]?.extensions.code).toBe('VALIDATION');
  });

  it('accepts an operation within every limit', () => {
    expect(
      errorsFor('query Q { me { id name } incidents(first: 10) { id commander { name } } __typename }'),
    ).toEqual([]);
  });

  it('with endValidation, ends validation at the breach: no other rule sees a single selection', () => {
    let fieldsSeen = 0;
    const spy: ValidationRule = () => ({ Field: () => void fieldsSeen++ });
    const query = `fragment F on Query { ${repeat(5000, () => 'a: __typename')} } { ...F }`;
    const errors = validate(
      schema,
      parse(query),
      [...specifiedRules, operationLimits(limits, { endValidation: true }), spy],
      {
        maxErrors: 1,
      },
    );
    expect(fieldsSeen).toBe(0);
    expect(errors[0]?.message).toMatch(/field selections/);
  });
});
