import { describe, expect, it } from 'vitest';
import { compileFlag, type EvaluationContext, isFailure, type Outcome } from './evaluate.ts';
import type { Condition, FlagDefinition, Operator } from './flag.ts';
import { validateFlag } from './validation.ts';

const flag = (over: Partial<FlagDefinition> & { id?: string }): FlagDefinition =>
  validateFlag({ id: 'f', on: true, ...over });

const ruleFlag = (condition: Condition) =>
  flag({ rules: [{ if: condition, variation: 'on' }], fallthrough: { variation: 'off' } });

/** [operator, rule value, attribute value (undefined: absent), matches] */
const OPERATOR_CASES: [Operator, string | string[], unknown, boolean][] = [
  ['eq', 'manager', 'manager', true],
  ['eq', 'manager', 'Manager', false],
  ['eq', '3', 3, true],
  ['eq', 'manager', undefined, false],
  ['neq', 'manager', 'viewer', true],
  ['neq', 'manager', 'manager', false],
  ['neq', 'manager', undefined, false],
  ['in', ['eu', 'us'], 'us', true],
  ['in', 'eu, us', 'us', true],
  ['in', ['eu', 'us'], 'asia', false],
  ['not_in', ['eu', 'us'], 'asia', true],
  ['not_in', ['eu', 'us'], 'eu', false],
  ['not_in', ['eu', 'us'], undefined, false],
  ['contains', 'corp', 'a@corp.example', true],
  ['contains', 'corp', 'a@example.org', false],
  ['starts_with', 'beta-', 'beta-tester', true],
  ['starts_with', 'beta-', 'tester-beta-', false],
  ['ends_with', '@corp.example', 'a@corp.example', true],
  ['ends_with', '@corp.example', 'a@corp.example.org', false],
  ['matches', '^[a-z]+-\\d{2}$', 'node-42', true],
  ['matches', '^[a-z]+-\\d{2}$', 'node-420', false],
  ['gt', '10', 11, true],
  ['gt', '10', '10', false],
  ['gt', '10', 'eleven', false],
  ['gte', '10', '10', true],
  ['gte', '10', 9.5, false],
  ['lt', '2.5', 2.4, true],
  ['lt', '2.5', 2.5, false],
  ['lte', '2.5', '2.5', true],
  ['lte', '2.5', 3, false],
  ['semver_eq', '1.2.3', 'v1.2.3', true],
  ['semver_eq', '1.2.3', '1.2.3-rc.1', false],
  ['semver_gt', '1.2.3', '1.10.0', true],
  ['semver_gt', '1.2.3', '1.2.3-rc.1', false],
  ['semver_gt', '1.2.3-rc.1', '1.2.3-rc.2', true],
  ['semver_lt', '2.0.0', '1.99.99', true],
  ['semver_lt', '2.0.0', 'not-a-version', false],
  ['before', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', true],
  ['before', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
  ['after', '2026-01-01T00:00:00Z', String(Date.parse('2026-01-02T00:00:00Z')), true],
  ['after', '2026-01-01T00:00:00Z', 'yesterday', false],
];

describe('flag evaluation', () => {
  it.each(OPERATOR_CASES)('%s %j against %j → %s', (op, value, attribute, matches) => {
    const context: EvaluationContext = { targetingKey: 'u-1' };
    if (attribute !== undefined) context.attr = attribute;
    const result = compileFlag(ruleFlag({ attr: 'attr', op, value })).evaluate(context);
    expect(result).toMatchObject(
      matches ? { variation: 'on', reason: 'TARGETING_MATCH' } : { variation: 'off', reason: 'DEFAULT' },
    );
  });

  it('covers every operator in the table', () => {
    const covered = new Set(OPERATOR_CASES.map(([op]) => op));
    expect([...covered].sort()).toEqual(
      [
        'eq',
        'neq',
        'in',
        'not_in',
        'contains',
        'starts_with',
        'ends_with',
        'matches',
        'gt',
        'gte',
        'lt',
        'lte',
        'semver_eq',
        'semver_gt',
        'semver_lt',
        'before',
        'after',
      ].sort(),
    );
  });

  const ordered = flag({
    kind: 'multivar',
    variations: ['a', 'b', 'c', 'd', 'z'],
    offVariation: 'z',
    targets: { users: { alice: 'd' } },
    rules: [
      { if: { attr: 'role', op: 'eq', value: 'manager' }, variation: 'a' },
      { if: { attr: 'email', op: 'ends_with', value: '@corp.example' }, variation: 'b' },
    ],
    fallthrough: { variation: 'c' },
  });

  /** [case, context, on, variation, reason] */
  const ORDER_CASES: [string, EvaluationContext, boolean, string, string][] = [
    [
      'an off flag serves its off variation, before targets',
      { targetingKey: 'alice' },
      false,
      'z',
      'DISABLED',
    ],
    [
      'a target wins over every rule',
      { targetingKey: 'alice', role: 'manager', email: 'a@corp.example' },
      true,
      'd',
      'TARGETING_MATCH',
    ],
    [
      'the first matching rule wins',
      { targetingKey: 'bob', role: 'manager', email: 'b@corp.example' },
      true,
      'a',
      'TARGETING_MATCH',
    ],
    [
      'a later rule when the first does not match',
      { targetingKey: 'bob', role: 'viewer', email: 'b@corp.example' },
      true,
      'b',
      'TARGETING_MATCH',
    ],
    ['the fallthrough when nothing matches', { targetingKey: 'carol', role: 'viewer' }, true, 'c', 'DEFAULT'],
    ['the fallthrough without a targeting key', { role: 'viewer' }, true, 'c', 'DEFAULT'],
    ['a user attribute is the targeting key', { targetingKey: 'bob' }, true, 'c', 'DEFAULT'],
  ];

  it.each(ORDER_CASES)('%s', (_, context, on, variation, reason) => {
    const result = compileFlag({ ...ordered, on }).evaluate(context);
    expect(result).toMatchObject({ variation, reason, off: !on, value: variation });
  });

  it('serves booleans as true and false, STATIC when nothing targets', () => {
    expect(compileFlag(flag({})).evaluate({})).toEqual({
      key: 'f',
      variation: 'on',
      value: true,
      off: false,
      reason: 'STATIC',
    });
    expect(compileFlag(flag({ on: false })).evaluate({})).toMatchObject({
      value: false,
      reason: 'DISABLED',
      off: true,
    });
  });

  it('tests the targeting key under the names user, key and targetingKey', () => {
    for (const attr of ['user', 'key', 'targetingKey']) {
      const f = compileFlag(ruleFlag({ attr, op: 'starts_with', value: 'ops-' }));
      expect(f.evaluate({ targetingKey: 'ops-7' })).toMatchObject({ variation: 'on' });
    }
  });
});

describe('percentage rollouts', () => {
  /** The variation served, or the error code of a failed evaluation. */
  const variationOf = (o: Outcome) => (isFailure(o) ? o.errorCode : o.variation);

  const rollout = (onPercent: number) =>
    compileFlag(
      flag({
        id: 'new-checkout',
        fallthrough: {
          rollout: [
            { variation: 'on', weight: onPercent },
            { variation: 'off', weight: 100 - onPercent },
          ],
        },
      }),
    );
  const users = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
  const onFor = (f: ReturnType<typeof rollout>) =>
    new Set(users.filter((u) => variationOf(f.evaluate({ targetingKey: u })) === 'on'));

  it.each([1, 10, 25, 50, 90])('gives %i%% of 10,000 users the variation, within 1.5 points', (percent) => {
    const share = (onFor(rollout(percent)).size / users.length) * 100;
    expect(Math.abs(share - percent)).toBeLessThan(1.5);
  });

  it('is sticky: the same user always gets the same variation, reason SPLIT', () => {
    const f = rollout(50);
    for (const u of users.slice(0, 200)) {
      const first = f.evaluate({ targetingKey: u });
      expect(first).toMatchObject({ reason: 'SPLIT' });
      expect(rollout(50).evaluate({ targetingKey: u })).toEqual(first);
    }
  });

  it('keeps everyone who had it when the percentage rises (10% → 20%)', () => {
    const at10 = onFor(rollout(10));
    const at20 = onFor(rollout(20));
    for (const u of at10) expect(at20.has(u)).toBe(true);
    expect(at20.size).toBeGreaterThan(at10.size);
  });

  it('splits three ways within a few percent', () => {
    const f = compileFlag(
      flag({
        kind: 'multivar',
        variations: ['a', 'b', 'c'],
        fallthrough: {
          rollout: [
            { variation: 'a', weight: 20 },
            { variation: 'b', weight: 30 },
            { variation: 'c', weight: 50 },
          ],
        },
      }),
    );
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const u of users) counts[variationOf(f.evaluate({ targetingKey: u }))]! += 1;
    expect(Math.abs(counts.a! / 100 - 20)).toBeLessThan(2);
    expect(Math.abs(counts.b! / 100 - 30)).toBeLessThan(2);
    expect(Math.abs(counts.c! / 100 - 50)).toBeLessThan(2);
  });

  it('does not give one flag the same first 10% as another', () => {
    const other = compileFlag(
      flag({
        id: 'other-flag',
        fallthrough: {
          rollout: [
            { variation: 'on', weight: 10 },
            { variation: 'off', weight: 90 },
          ],
        },
      }),
    );
    const a = onFor(rollout(10));
    const b = new Set(users.filter((u) => variationOf(other.evaluate({ targetingKey: u })) === 'on'));
    const both = [...a].filter((u) => b.has(u)).length;
    expect(both).toBeLessThan(a.size / 4);
  });

  it('fails with TARGETING_KEY_MISSING when a split has no user to be sticky for', () => {
    expect(rollout(50).evaluate({ role: 'viewer' })).toMatchObject({ errorCode: 'TARGETING_KEY_MISSING' });
  });
});
