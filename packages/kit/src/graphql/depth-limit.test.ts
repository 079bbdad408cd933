import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit } from './depth-limit.ts';
import { fragmentBomb } from './fragment-bomb.fixture.ts';

const schema = buildSchema(`
  type User { id: ID! incidents: [Incident!]! }
  type Incident { id: ID! commander: User }
  type Query { incident: Incident }
`);

const errorsFor = (query: string, max: number) => validate(schema, parse(query), [depthLimit(max)]);

describe('depthLimit', () => {
  it('accepts an operation within the limit', () => {
    expect(errorsFor('{ incident { commander { id } } }', 3)).toHaveLength(0);
  });

  it('refuses one nested past the limit', () => {
    const errors = errorsFor('{ incident { commander { incidents { commander { id } } } } }', 3);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions.code).toBe('VALIDATION');
  });

  it('counts depth through fragments and ignores introspection', () => {
    const q =
      'query { incident { ...F } __schema { types { fields { type { name } } } } } fragment F on Incident { commander { incidents { id } } }';
    expect(errorsFor(q, 3)).toHaveLength(1);
    expect(errorsFor(q, 4)).toHaveLength(0);
  });
});

describe('depthLimit against a fragment bomb', () => {
  it('measures each fragment once, so nested double spreads stay linear and are refused quickly', () => {
    const { schema: bombSchema, query } = fragmentBomb();
    const started = performance.now();
    const errors = validate(bombSchema, parse(query), [depthLimit(12)]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(errors).toHaveLength(1);
  });
});
