import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors.ts';

const validation = (details: Array<{ field: string; issue: string }>) =>
  new CombinedError({
    graphQLErrors: [new GraphQLError('invalid input', { extensions: { code: 'VALIDATION', details } })],
  });

describe('fieldErrors', () => {
  it("puts each server detail under the form's field, list items under their list", () => {
    const error = validation([
      { field: 'title', issue: 'is required' },
      { field: 'services[1]', issue: 'may contain only a-z, 0-9, ".", "_" and "-"' },
      { field: 'services[3]', issue: 'must be 1 to 64 characters' },
    ]);
    expect(fieldErrors(error, ['title', 'services'])).toEqual({
      title: 'is required',
      services: 'may contain only a-z, 0-9, ".", "_" and "-"; must be 1 to 64 characters',
    });
  });

  it("keeps details naming no field of the form, with their field's name, under ''", () => {
    expect(fieldErrors(validation([{ field: 'source', issue: 'not allowed' }]), ['title'])).toEqual({
      '': 'source: not allowed',
    });
  });

  it('ignores errors other than VALIDATION', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })],
    });
    expect(fieldErrors(error, ['title'])).toEqual({});
  });
});
