import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { flagFieldErrors } from './flag-errors.ts';

const refused = (details: Array<{ field: string; issue: string }>) =>
  new CombinedError({
    graphQLErrors: [new GraphQLError('invalid', { extensions: { code: 'VALIDATION', details } })],
  });

describe('flagFieldErrors', () => {
  it('puts each refusal under the editor control it names', () => {
    const errors = flagFieldErrors(
      refused([
        { field: 'id', issue: 'must be 1-100 letters' },
        { field: 'rules[1].if.op', issue: 'must be one of eq, neq' },
        { field: 'rules[1].variation', issue: 'is "x", which is not one of the flag\'s variations' },
        { field: 'fallthrough.rollout[0].weight', issue: 'must add up to 100' },
        { field: 'targets.users.alice', issue: 'is "maybe"' },
        { field: 'variations[2]', issue: 'repeats "a"' },
        { field: 'somethingElse', issue: 'odd' },
      ]),
    );
    expect(errors).toEqual({
      key: 'must be 1-100 letters',
      'rules.1':
        'if.op: must be one of eq, neq; variation: is "x", which is not one of the flag\'s variations',
      fallthrough: 'rollout[0].weight: must add up to 100',
      'targets.alice': 'is "maybe"',
      variations: 'repeats "a"',
      '': 'somethingElse: odd',
    });
  });

  it('ignores errors that are not validation refusals', () => {
    const conflict = new CombinedError({
      graphQLErrors: [new GraphQLError('newer', { extensions: { code: 'CONFLICT' } })],
    });
    expect(flagFieldErrors(conflict)).toEqual({});
    expect(flagFieldErrors(undefined)).toEqual({});
  });
});
