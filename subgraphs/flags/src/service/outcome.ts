import { conflict, DomainError, notFound } from '@polystatus/kit';
import type { Flag } from '../domain/flag.ts';
import type { WriteResult } from '../store/flag-store.ts';

/** The flag a write left behind, or the error its refusal means. No-ops return the flag unchanged. */
export function writtenFlag(result: WriteResult, key: string, expectedVersion?: number | null): Flag {
  switch (result.outcome) {
    case 'created':
    case 'updated':
    case 'toggled':
    case 'noop':
      if (result.flag) return result.flag;
      break;
    case 'not_found':
      throw notFound('flag', key);
    case 'version_conflict':
      throw conflict(`flag ${key} changed since version ${expectedVersion}`, [
        {
          field: 'expectedVersion',
          issue: `is ${expectedVersion} but the flag is at version ${result.flag?.version ?? 0}`,
        },
      ]);
  }
  throw new DomainError('INTERNAL', `unexpected write outcome ${result.outcome} for flag ${key}`);
}
