import { DomainError } from '@polystatus/kit';
import type { IncidentFacts } from '../domain/incident.ts';
import type { IncidentReader } from '../incidents/incident-reader.ts';

/**
 * Incidents as the graph would show them, held in memory: the integration tests' stand-in for the gateway.
 * `down` makes every read fail as the gateway does when it is unreachable.
 */
export class FakeIncidents implements IncidentReader {
  readonly byId = new Map<string, IncidentFacts>();
  down = false;
  reads = 0;

  set(facts: Partial<IncidentFacts> & { id: string }, now = Date.now()): IncidentFacts {
    const previous = this.byId.get(facts.id);
    const full: IncidentFacts = {
      title: 'Search is slow',
      sev: 2,
      status: 'open',
      services: [],
      startedAt: now,
      resolvedAt: null,
      ...previous,
      ...facts,
      updatedAt: facts.updatedAt ?? now,
    };
    this.byId.set(full.id, full);
    return full;
  }

  async getMany(ids: readonly string[]): Promise<(IncidentFacts | null)[]> {
    this.reads++;
    if (this.down) throw new DomainError('UNAVAILABLE', 'the gateway is unreachable', { retryAfter: 1 });
    return ids.map((id) => this.byId.get(id) ?? null);
  }
}
