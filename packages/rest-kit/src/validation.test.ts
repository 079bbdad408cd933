import { describe, expect, it } from 'vitest';
import type { SchemaObject } from './openapi/types.ts';
import { compileValidator, concise } from './validation.ts';

const ITEMS = {
  type: 'array',
  items: {
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { text: { type: 'string' } },
      },
    ],
  },
};

const run = (schema: SchemaObject, data: unknown) => {
  const validate = compileValidator(schema, 'body');
  validate(data);
  return concise(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

describe('concise', () => {
  it('reports one line for a value that has none of the forms’ types', () => {
    expect(run(ITEMS, [42])).toEqual(['/0 does not match any of the accepted forms']);
  });

  it('reports the errors of the form whose type the value has, and nothing else', () => {
    expect(run(ITEMS, [{ txt: 'x' }])).toEqual([
      "/0 must have required property 'text'",
      '/0 must NOT have additional properties',
    ]);
    expect(run(ITEMS, [''])).toEqual(['/0 must NOT have fewer than 1 characters']);
  });

  it('keeps each array item’s errors to that item', () => {
    expect(run(ITEMS, ['ok', 42, {}])).toEqual([
      '/1 does not match any of the accepted forms',
      "/2 must have required property 'text'",
    ]);
  });

  it('leaves errors outside alternatives alone', () => {
    expect(run({ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, {})).toEqual(
      ["must have required property 'a'"].map((m) => ` ${m}`),
    );
  });
});

describe('compileValidator', () => {
  it('never coerces bodies and always coerces text parts', () => {
    const body = compileValidator({ type: 'object', properties: { n: { type: 'integer' } } }, 'body');
    const text = compileValidator({ type: 'object', properties: { n: { type: 'integer' } } }, 'text');
    const query = { n: '2' };
    expect(body({ n: '2' })).toBe(false);
    expect(text(query)).toBe(true);
    expect(query).toEqual({ n: 2 });
  });
});
