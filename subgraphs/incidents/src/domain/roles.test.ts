import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { checkRoleHolder, isSingleHolder, roleField } from './roles.ts';

describe('incident roles', () => {
  it('has one holder for each lead role and the scribe, any number of responders', () => {
    expect(isSingleHolder('communications_lead')).toBe(true);
    expect(isSingleHolder('scribe')).toBe(true);
    expect(isSingleHolder('operations_lead')).toBe(true);
    expect(isSingleHolder('responder')).toBe(false);
    // One storage field per single-holder role (assigning replaces), one per responder (assigning adds).
    expect(roleField('scribe', 'ann')).toBe(roleField('scribe', 'bob'));
    expect(roleField('responder', 'ann')).not.toBe(roleField('responder', 'bob'));
  });

  it('accepts only enabled users, naming the field otherwise', () => {
    expect(() => checkRoleHolder('enabled')).not.toThrow();
    for (const [standing, issue] of [
      ['unknown', 'no such user'],
      ['disabled', 'user is disabled'],
    ] as const) {
      try {
        checkRoleHolder(standing, 'ownerId');
        throw new Error('expected a refusal');
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).details).toEqual([{ field: 'ownerId', issue }]);
      }
    }
  });
});
