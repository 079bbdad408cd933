import type { IncidentUpdateInfo, PageInfo } from '../domain/statuspage-payload.ts';

/**
 * What the notifications read of the rest of comms: the incident mirror, the announcements, the components and
 * the page. An interface so the fan-out is tested without the announcement side, and the two halves of the
 * domain change independently (server.ts wires it to the comms store).
 */
export interface NotifyReadModel {
  incident(
    id: string,
  ): Promise<{ title: string; sev?: number; services: string[]; createdAt: number } | null>;
  /** The incident's public updates, newest first. */
  incidentUpdates(incidentId: string): Promise<IncidentUpdateInfo[]>;
  component(id: string): Promise<{ id: string; name: string; createdAt: number } | null>;
  page(): Promise<PageInfo & { name: string }>;
}
