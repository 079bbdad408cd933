import { epochSeconds, epochSecondsOrNull } from '@polystatus/rest-kit';
import type * as Op from './generated/operations.ts';

/**
 * Pure translations between the REST contract (snake_case, lower-case enums, epoch seconds) and the graph
 * (camelCase, upper-case enums, ISO-8601). The csp subgraph decides what is valid; this file only reshapes.
 */

export type ProviderNode = Op.CspProviderFieldsFragment;
export type EventNode = Op.CspEventFieldsFragment;
export type RefreshNode = Op.RefreshProviderMutation['refreshProvider'];
export type IncidentNode = Op.CreateCspIncidentMutation['createIncident'];

export type RestFeedType = Lowercase<Op.CspFeedType>;

export interface ProviderCreateBody {
  name: string;
  feed_url: string;
  type: RestFeedType;
  interval_seconds?: number;
  enabled?: boolean;
  depends_on?: string[];
}

export interface ListEventsQuery {
  active?: boolean;
  provider?: string[];
  limit: number;
  cursor?: string;
}

export interface IncidentCreateBody {
  title: string;
  sev: number;
  source: 'csp';
  services?: string[];
  summary?: string;
}

/** Graph field names whose REST name is not their snake_case form, for error details coming back. */
export const FIELD_RENAMES = {
  first: 'limit',
  after: 'cursor',
  providers: 'provider',
  id: 'provider',
} as const;

const lower = <T extends string>(value: T): Lowercase<T> => value.toLowerCase() as Lowercase<T>;
const upper = <T extends string>(value: T): Uppercase<T> => value.toUpperCase() as Uppercase<T>;

export function registerInputFromRest(body: ProviderCreateBody): Op.RegisterProviderInput {
  return {
    name: body.name,
    feedUrl: body.feed_url,
    type: upper(body.type),
    intervalSeconds: body.interval_seconds,
    enabled: body.enabled,
    dependsOn: body.depends_on,
  };
}

export function providerToRest(p: ProviderNode) {
  return {
    name: p.id,
    feed_url: p.feedUrl,
    type: lower(p.type),
    format: p.format ? lower(p.format) : null,
    interval_seconds: p.intervalSeconds,
    enabled: p.enabled,
    depends_on: p.dependsOn.map((d) => d.id),
    created_at: epochSeconds(p.createdAt),
  };
}

export function refreshToRest(r: RefreshNode) {
  return {
    provider: r.providerId,
    http_status: r.httpStatus ?? null,
    new: r.created,
    updated: r.updated,
    resolved: r.resolved,
    not_modified: r.notModified,
    duration_ms: r.durationMs,
    error: r.error ?? null,
    format: r.format ? lower(r.format) : null,
    circuit: lower(r.circuit),
  };
}

/** The 1.0 contract has one `service` per event: the first affected component, else the provider itself. */
export function eventToRest(e: EventNode) {
  return {
    id: e.id,
    provider: e.providerId,
    service: e.components[0] ?? e.providerId,
    services: e.components,
    title: e.title,
    status: lower(e.status),
    impact: lower(e.impact),
    ts_start: epochSeconds(e.startedAt),
    ts_update: epochSeconds(e.updatedAt),
    resolved_at: epochSecondsOrNull(e.resolvedAt),
    url: e.url ?? null,
    incident_id: e.incidentId ?? null,
  };
}

export function incidentInputFromRest(body: IncidentCreateBody): Op.CreateIncidentInput {
  return { title: body.title, sev: body.sev, services: body.services, summary: body.summary, source: 'CSP' };
}

export function incidentToRest(i: IncidentNode) {
  return {
    id: i.id,
    title: i.title,
    sev: i.sev,
    status: lower(i.status),
    source: lower(i.source),
    started_at: epochSeconds(i.startedAt),
    services: i.services,
    summary: i.summary,
  };
}
