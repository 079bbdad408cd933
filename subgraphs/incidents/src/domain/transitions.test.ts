import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from './incident.ts';
import { plansTo, planTransition } from './transitions.ts';

const refused = (from: Status, to: Status) => {
  try {
    planTransition(from, to);
  } catch (err) {
    return err as DomainError;
  }
  throw new Error(`${from} → ${to} was allowed`);
};

describe('status transitions', () => {
  it('allows exactly the documented moves', () => {
    const allowed = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => to !== from && tryPlan(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      ['open→mitigated', 'open→resolved', 'mitigated→resolved', 'mitigated→open', 'resolved→open'].sort(),
    );
  });

  it('treats the same status as a no-op, for idempotent retries', () => {
    for (const s of STATUSES) expect(planTransition(s, s)).toEqual({ kind: 'noop' });
  });

  it('refuses resolved → mitigated with CONFLICT naming status', () => {
    const err = refused('resolved', 'mitigated');
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toEqual([{ field: 'status', issue: 'cannot go from resolved to mitigated' }]);
  });

  it('stamps mitigation when resolving straight from open, and clears both on reopen', () => {
    expect(planTransition('open', 'resolved')).toEqual({
      kind: 'change',
      effects: { mitigatedAt: 'set_if_unset', resolvedAt: 'set', acknowledgedAt: 'set_if_unset' },
    });
    expect(planTransition('resolved', 'open')).toEqual({
      kind: 'change',
      effects: { mitigatedAt: 'clear', resolvedAt: 'clear', acknowledgedAt: 'keep' },
    });
    expect(planTransition('open', 'mitigated')).toEqual({
      kind: 'change',
      effects: { mitigatedAt: 'set', resolvedAt: 'keep', acknowledgedAt: 'set_if_unset' },
    });
  });

  it('hands the script one plan per current status that may reach the target', () => {
    expect(Object.keys(plansTo('open')).sort()).toEqual(['mitigated', 'resolved']);
    expect(Object.keys(plansTo('mitigated'))).toEqual(['open']);
    expect(Object.keys(plansTo('resolved')).sort()).toEqual(['mitigated', 'open']);
    expect(plansTo('resolved').open).toEqual({
      mitigatedAt: 'set_if_unset',
      resolvedAt: 'set',
      acknowledgedAt: 'set_if_unset',
    });
  });
});

function tryPlan(from: Status, to: Status): boolean {
  try {
    return planTransition(from, to).kind === 'change';
  } catch {
    return false;
  }
}
