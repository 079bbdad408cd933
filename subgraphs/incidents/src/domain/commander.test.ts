import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { checkCommander } from './commander.ts';

const refusal = (f: () => void) => {
  try {
    f();
  } catch (err) {
    return err as DomainError;
  }
  return null;
};

describe('checkCommander', () => {
  it('accepts an enabled user', () => {
    expect(refusal(() => checkCommander('enabled'))).toBeNull();
  });

  it.each([
    ['unknown', 'no such user'],
    ['disabled', 'user is disabled'],
  ] as const)('refuses a %s user as VALIDATION on commanderId', (standing, issue) => {
    const err = refusal(() => checkCommander(standing));
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'commanderId', issue }] });
  });
});
