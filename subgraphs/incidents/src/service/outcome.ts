import { conflict, DomainError, notFound } from '@polystatus/kit';
import type { Incident } from '../domain/incident.ts';
import type { WriteResult } from '../store/incident-store.ts';

/**
 * The incident a write left behind, or the error its refusal means. No-ops return the incident unchanged, so
 * retrying a request that already landed succeeds.
 */
export function writtenIncident(result: WriteResult, id: string, expectedVersion?: number | null): Incident {
  switch (result.outcome) {
    case 'ok':
    case 'noop':
      if (result.incident) return result.incident;
      break;
    case 'not_found':
      throw notFound('incident', id);
    case 'version_conflict':
      throw conflict(`incident ${id} changed since version ${expectedVersion}`, [
        {
          field: 'expectedVersion',
          issue: `is ${expectedVersion} but the incident is at version ${result.incident?.version}`,
        },
      ]);
  }
  throw new DomainError('INTERNAL', `unexpected write outcome ${result.outcome} for ${id}`);
}

export const iso = (ms: number) => new Date(ms).toISOString();
