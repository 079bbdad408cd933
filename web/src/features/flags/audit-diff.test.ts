import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-diff.ts';

describe('auditChanges', () => {
  const base = { id: 'f', on: false, kind: 'boolean', rules: [], description: 'x', version: 1 };

  it('spells out short changes and names long ones, ignoring bookkeeping', () => {
    const after = {
      ...base,
      on: true,
      version: 2,
      rules: [{ if: { attr: 'role', op: 'eq', value: 'admin-with-a-long-name' }, variation: 'on' }],
    };
    expect(auditChanges(JSON.stringify(base), JSON.stringify(after))).toEqual([
      'on: false → true',
      'rules changed',
    ]);
  });

  it('lists nothing for a creation or unreadable JSON', () => {
    expect(auditChanges(null, JSON.stringify(base))).toEqual([]);
    expect(auditChanges('not json', JSON.stringify(base))).toEqual([]);
  });
});
