import { DomainError, validationError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { restFieldName, withRestFieldNames } from './field-names.ts';

describe('restFieldName', () => {
  it('puts each segment in snake_case and keeps array indexes', () => {
    expect(restFieldName('whatHappened')).toBe('what_happened');
    expect(restFieldName('actionItems[0].ownerId')).toBe('action_items[0].owner_id');
    expect(restFieldName('sev')).toBe('sev');
  });

  it('applies whole-segment renames before the mechanical conversion', () => {
    expect(restFieldName('actionItems[2].ownerId', { ownerId: 'owner' })).toBe('action_items[2].owner');
    expect(restFieldName('commanderId', { commanderId: 'commander' })).toBe('commander');
  });
});

describe('withRestFieldNames', () => {
  it('renames details and rebuilds a message built from them, keeping code and retry delay', () => {
    const err = withRestFieldNames(validationError([{ field: 'rootCause', issue: 'is required' }]));
    expect([err.code, err.message, err.details]).toEqual([
      'VALIDATION',
      'root_cause: is required',
      [{ field: 'root_cause', issue: 'is required' }],
    ]);
    const limited = new DomainError('RATE_LIMITED', 'slow down', {
      details: [{ field: 'x', issue: 'y' }],
      retryAfter: 3,
    });
    expect(withRestFieldNames(limited).retryAfter).toBe(3);
  });

  it('keeps a hand-written message', () => {
    const err = new DomainError('CONFLICT', 'cannot go from resolved to mitigated', {
      details: [{ field: 'expectedVersion', issue: 'is stale' }],
    });
    const renamed = withRestFieldNames(err);
    expect(renamed.message).toBe('cannot go from resolved to mitigated');
    expect(renamed.details).toEqual([{ field: 'expected_version', issue: 'is stale' }]);
  });
});
