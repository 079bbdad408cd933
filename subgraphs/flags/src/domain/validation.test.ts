import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { type FlagInput, validateFlag } from './validation.ts';

const fieldsOf = (input: FlagInput): string[] => {
  try {
    validateFlag(input);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return ((err as DomainError).details ?? []).map((d) => d.field);
  }
  throw new Error('accepted');
};

const multivar = { id: 'theme', on: true, kind: 'multivar', variations: ['light', 'dark'] };

describe('flag definitions', () => {
  it('fills in a boolean flag from the reference minimum {id, on}', () => {
    expect(validateFlag({ id: 'public_status_enabled', on: true })).toEqual({
      id: 'public_status_enabled',
      on: true,
      kind: 'boolean',
      variations: ['on', 'off'],
      offVariation: 'off',
      fallthrough: { variation: 'on' },
      rules: [],
      targets: { users: {} },
      description: '',
    });
  });

  /** [case, input, the fields the refusal names] */
  const REFUSALS: [string, FlagInput, string[]][] = [
    [
      'a rule serving an undeclared variation',
      { ...multivar, rules: [{ if: { attr: 'role', op: 'eq', value: 'a' }, variation: 'blue' }] },
      ['rules[0].variation'],
    ],
    [
      'a target naming an undeclared variation',
      { ...multivar, targets: { users: { alice: 'blue' } } },
      ['targets.users.alice'],
    ],
    [
      'a fallthrough naming one',
      { ...multivar, fallthrough: { variation: 'blue' } },
      ['fallthrough.variation'],
    ],
    ['an off variation naming one', { ...multivar, offVariation: 'blue' }, ['offVariation']],
    [
      'a rollout naming one, and weights not adding to 100',
      {
        ...multivar,
        fallthrough: {
          rollout: [
            { variation: 'light', weight: 50 },
            { variation: 'blue', weight: 40 },
          ],
        },
      },
      ['fallthrough.rollout[1].variation', 'fallthrough.rollout'],
    ],
    [
      'weights adding to 90',
      {
        ...multivar,
        fallthrough: {
          rollout: [
            { variation: 'light', weight: 50 },
            { variation: 'dark', weight: 40 },
          ],
        },
      },
      ['fallthrough.rollout'],
    ],
    [
      'a weight with four decimals',
      {
        ...multivar,
        fallthrough: {
          rollout: [
            { variation: 'light', weight: 50.0001 },
            { variation: 'dark', weight: 49.9999 },
          ],
        },
      },
      ['fallthrough.rollout[0].weight', 'fallthrough.rollout[1].weight'],
    ],
    [
      'an unknown operator',
      { id: 'f', on: true, rules: [{ if: { attr: 'role', op: 'like', value: 'a' }, variation: 'on' }] },
      ['rules[0].if.op'],
    ],
    [
      'a catastrophic regex',
      {
        id: 'f',
        on: true,
        rules: [{ if: { attr: 'email', op: 'matches', value: '(a+)+$' }, variation: 'on' }],
      },
      ['rules[0].if.value'],
    ],
    [
      'an invalid regex',
      {
        id: 'f',
        on: true,
        rules: [{ if: { attr: 'email', op: 'matches', value: '([a-z' }, variation: 'on' }],
      },
      ['rules[0].if.value'],
    ],
    [
      'a number operator without a number',
      { id: 'f', on: true, rules: [{ if: { attr: 'age', op: 'gt', value: 'old' }, variation: 'on' }] },
      ['rules[0].if.value'],
    ],
    [
      'a semver operator without a version',
      { id: 'f', on: true, rules: [{ if: { attr: 'v', op: 'semver_gt', value: '1.2' }, variation: 'on' }] },
      ['rules[0].if.value'],
    ],
    [
      'a date operator without a date',
      { id: 'f', on: true, rules: [{ if: { attr: 'at', op: 'before', value: 'soon' }, variation: 'on' }] },
      ['rules[0].if.value'],
    ],
    [
      'a rule with both a variation and a rollout',
      {
        id: 'f',
        on: true,
        rules: [
          {
            if: { attr: 'a', op: 'eq', value: 'b' },
            variation: 'on',
            rollout: [{ variation: 'on', weight: 100 }],
          },
        ],
      },
      ['rules[0]'],
    ],
    [
      'a boolean flag with other variations',
      { id: 'f', on: true, variations: ['yes', 'no'] },
      ['variations'],
    ],
    [
      'a multivariate flag with one variation',
      { id: 'f', on: true, kind: 'multivar', variations: ['x'] },
      ['variations'],
    ],
    [
      'repeated variations',
      { id: 'f', on: true, kind: 'multivar', variations: ['x', 'x'] },
      ['variations[1]'],
    ],
    ['a bad key and no on', { id: 'has space' }, ['id', 'on']],
    ['an unknown kind', { id: 'f', on: true, kind: 'percent' }, ['kind']],
  ];

  it.each(REFUSALS)('refuses %s, naming the field', (_, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('reads a comma-separated value as a list for in and not_in', () => {
    const def = validateFlag({
      id: 'f',
      on: true,
      rules: [{ if: { attr: 'region', op: 'in', value: 'eu,us' }, variation: 'on' }],
    });
    expect(def.rules[0]!.if.value).toBe('eu,us');
  });
});
