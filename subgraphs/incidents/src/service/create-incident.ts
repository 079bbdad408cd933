import { DomainError, type Principal, requireRole } from '@polystatus/kit';
import { actorId } from '../domain/actor.ts';
import { INCIDENT_EVENTS, incidentEvent } from '../domain/events.ts';
import type { Incident, Source } from '../domain/incident.ts';
import { validateCreate } from '../domain/validation.ts';
import type { IncidentsDeps } from './deps.ts';
import { iso, writtenIncident } from './outcome.ts';

/** Two collisions in a row are already a one-in-a-trillion event; more means the generator is broken. */
const MAX_ID_ATTEMPTS = 5;

export interface CreateIncidentInput {
  title?: unknown;
  sev?: unknown;
  services?: unknown;
  summary?: unknown;
  source?: Source | null;
  externalKey?: unknown;
}

export async function createIncident(
  deps: IncidentsDeps,
  principal: Principal,
  input: CreateIncidentInput,
): Promise<Incident> {
  const actor = actorId(requireRole(principal, 'responder'));
  const valid = validateCreate(input);
  // Automation (an API token, a PolyStatus service) says who it is by its credential; anyone can still state the
  // source explicitly, as the csp service does with CSP.
  const automated = principal.kind === 'token' || principal.kind === 'system';
  const source: Source = valid.source ?? (automated ? 'api' : 'manual');
  const now = deps.clock();
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const id = deps.newId();
    const event = incidentEvent(
      INCIDENT_EVENTS.created,
      actor,
      id,
      {
        incidentId: id,
        title: valid.title,
        sev: valid.sev,
        services: valid.services,
        summary: valid.summary,
        status: 'open',
        source,
        startedAt: iso(now),
        createdById: actor,
        externalKey: valid.externalKey,
      },
      now,
    );
    const result = await deps.store.create(
      { ...valid, id, source, status: 'open', externalKey: valid.externalKey },
      { actor, now, event, message: `Incident declared: ${valid.title}` },
    );
    // A create whose externalKey was used before answers the incident that one created, changing nothing.
    if (result.outcome === 'existing' && result.incident) return result.incident;
    if (result.outcome !== 'collision') return writtenIncident(result, id);
  }
  throw new DomainError('UNAVAILABLE', 'could not allocate an incident id; retry', { retryAfter: 1 });
}
