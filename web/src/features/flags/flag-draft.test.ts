import { describe, expect, it } from 'vitest';
import type { FlagFieldsFragment } from '../../generated/graphql.ts';
import { draftFromFlag, draftProblems, newFlagDraft, toFlagInput } from './flag-draft.ts';

const flag: FlagFieldsFragment = {
  key: 'checkout-v2',
  on: true,
  kind: 'MULTIVAR',
  description: 'New checkout',
  variations: ['control', 'treatment'],
  offVariation: 'control',
  fallthrough: {
    variation: null,
    rollout: [
      { variation: 'control', weight: 90 },
      { variation: 'treatment', weight: 10 },
    ],
  },
  rules: [
    {
      if: { attr: 'role', op: 'in', values: ['admin', 'manager'] },
      serve: { variation: 'treatment', rollout: null },
    },
  ],
  targets: [{ user: 'alice', variation: 'treatment' }],
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  updatedById: 'usr_1',
};

describe('flag drafts', () => {
  it('round-trips a definition through the editor unchanged', () => {
    expect(toFlagInput(draftFromFlag(flag))).toEqual({
      key: 'checkout-v2',
      on: true,
      kind: 'MULTIVAR',
      variations: ['control', 'treatment'],
      offVariation: 'control',
      description: 'New checkout',
      fallthrough: {
        rollout: [
          { variation: 'control', weight: 90 },
          { variation: 'treatment', weight: 10 },
        ],
      },
      rules: [{ if: { attr: 'role', op: 'in', value: 'admin, manager' }, variation: 'treatment' }],
      targets: [{ user: 'alice', variation: 'treatment' }],
    });
  });

  it('gives a boolean flag its two variations and sends the typed weights as numbers', () => {
    const draft = newFlagDraft();
    draft.key = ' kill-search ';
    draft.fallthrough = { mode: 'rollout', variation: '', weights: { on: '25', off: ' 75 ' } };
    const input = toFlagInput(draft);
    expect(input.key).toBe('kill-search');
    expect(input.variations).toEqual(['on', 'off']);
    expect(input.fallthrough).toEqual({
      rollout: [
        { variation: 'on', weight: 25 },
        { variation: 'off', weight: 75 },
      ],
    });
    expect(draftProblems(draft)).toEqual({});
  });

  it('catches a weight that is not a number before sending, under its control', () => {
    const draft = draftFromFlag(flag);
    draft.rules[0]!.serve = { mode: 'rollout', variation: '', weights: { control: 'lots', treatment: '10' } };
    expect(draftProblems(draft)).toEqual({ 'rules.0': 'the weight of control is not a number' });
  });
});
