import { DomainError } from '@polystatus/kit';
import type { PublicStatus } from '../generated/resolvers.ts';
import type { PublicSummary } from '../public/render/polystatus.ts';

/** The public summary document (snake_case REST) as the GraphQL `PublicStatus` (camelCase, DateTime as ms). */
export function publicStatusOf(found: { renderedAt: number; summary: PublicSummary } | null): PublicStatus {
  if (!found)
    throw new DomainError('UNAVAILABLE', 'the public page has not been rendered yet', { retryAfter: 1 });
  const s = found.summary;
  return {
    asOf: found.renderedAt,
    version: s.version,
    indicator: s.indicator,
    description: s.description,
    components: s.components.map((c) => ({ id: c.id, name: c.name, group: c.group, status: c.status })),
    incidents: s.incidents.map((i) => ({
      id: i.id,
      title: i.title,
      sev: i.sev,
      status: i.status,
      state: i.state,
      lastMessage: i.last_message,
      lastPublicAt: i.last_public_at === null ? null : i.last_public_at * 1000,
    })),
    maintenances: s.maintenances.map((m) => ({
      id: m.id,
      name: m.name,
      status: m.status,
      scheduledFor: m.scheduled_for * 1000,
      scheduledUntil: m.scheduled_until * 1000,
      message: m.message,
      components: m.components,
    })),
  };
}
