import { conflict, DomainError, notFound } from '@polystatus/kit';
import type { Incident } from '../domain/incident.ts';
import type { WriteResult } from '../store/incident-store.ts';

/**
 * The incident a write left behind, or the error its refusal means. No-ops return the incident unchanged, so
 * retrying a request that already landed succeeds.
 */
export function writtenIncident(
  result: WriteResult,
  id: string,
  expectedVersion?: number | null,
  field?: string,
): Incident {
  switch (result.outcome) {
    case 'ok':
    case 'noop':
      if (result.incident) return result.incident;
      break;
    case 'not_found':
      throw field ? missing('incident', id, field) : notFound('incident', id);
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

/** NOT_FOUND naming the argument that named the missing thing, so REST and GraphQL clients can point at it. */
export const missing = (entity: string, id: string, field: string): DomainError =>
  new DomainError('NOT_FOUND', `${entity} ${id} not found`, {
    details: [{ field, issue: `no such ${entity}` }],
  });

export const iso = (ms: number) => new Date(ms).toISOString();

/** Two collisions of random ids in a row are already a one-in-a-trillion event; more means the generator is broken. */
export const MAX_ID_ATTEMPTS = 5;
