import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './json-schema.ts';

const strictAjv = () => new Ajv({ strict: true, allErrors: true });

describe('toJsonSchema', () => {
  it('turns nullable into a type union and lets null into an enum', () => {
    expect(toJsonSchema({ type: 'string', nullable: true }, 'response')).toEqual({
      type: ['string', 'null'],
    });
    expect(toJsonSchema({ type: 'string', enum: ['a', 'b'], nullable: true }, 'response')).toEqual({
      type: ['string', 'null'],
      enum: ['a', 'b', null],
    });
    const composed = toJsonSchema({ allOf: [{ type: 'integer' }], nullable: true }, 'response');
    expect(composed).toEqual({ anyOf: [{ allOf: [{ type: 'integer' }] }, { type: 'null' }] });
    const validate = strictAjv().compile(composed);
    expect([validate(null), validate(3), validate('3')]).toEqual([true, true, false]);
  });

  it('keeps a non-nullable schema refusing null', () => {
    const validate = strictAjv().compile(toJsonSchema({ type: 'string', nullable: false }, 'request'));
    expect(validate(null)).toBe(false);
  });

  it('converts draft-04 boolean exclusive bounds to numeric ones', () => {
    const schema = toJsonSchema(
      { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 4, exclusiveMaximum: false },
      'request',
    );
    expect(schema).toEqual({ type: 'number', exclusiveMinimum: 1, maximum: 4 });
    const validate = strictAjv().compile(schema);
    expect([validate(1), validate(1.5), validate(4), validate(4.5)]).toEqual([false, true, true, false]);
  });

  it('drops annotations and x- extensions so ajv strict mode compiles the result', () => {
    const schema = toJsonSchema(
      {
        type: 'object',
        example: { a: 1 },
        'x-internal': true,
        deprecated: false,
        properties: { a: { type: 'integer', example: 2, xml: { name: 'a' } } },
      },
      'request',
    );
    expect(schema).toEqual({ type: 'object', properties: { a: { type: 'integer' } } });
    expect(() => strictAjv().compile(schema)).not.toThrow();
  });

  it('recurses through items, additionalProperties, not and the combinators', () => {
    const schema = toJsonSchema(
      {
        type: 'object',
        additionalProperties: { type: 'string', nullable: true },
        properties: {
          list: { type: 'array', items: { type: 'integer', nullable: true } },
          either: { oneOf: [{ type: 'string', example: 'x' }, { type: 'integer' }] },
          never: { not: { type: 'string', nullable: true } },
        },
      },
      'request',
    );
    expect(schema).toEqual({
      type: 'object',
      additionalProperties: { type: ['string', 'null'] },
      properties: {
        list: { type: 'array', items: { type: ['integer', 'null'] } },
        either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        never: { not: { type: ['string', 'null'] } },
      },
    });
  });

  it('hides readOnly fields from requests and writeOnly fields from responses', () => {
    const source = {
      type: 'object',
      required: ['id', 'password', 'name'],
      properties: {
        id: { type: 'string', readOnly: true },
        password: { type: 'string', writeOnly: true },
        name: { type: 'string' },
      },
    };
    expect(toJsonSchema(source, 'request')).toEqual({
      type: 'object',
      required: ['password', 'name'],
      properties: { password: { type: 'string' }, name: { type: 'string' } },
    });
    expect(toJsonSchema(source, 'response')).toEqual({
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string' }, name: { type: 'string' } },
    });
  });

  it('refuses a keyword it does not understand, naming where it is', () => {
    expect(() =>
      toJsonSchema({ type: 'object', properties: { a: { type: 'string', patern: 'x' } } }, 'request'),
    ).toThrow('#/properties/a: unsupported schema keyword "patern"');
  });
});
