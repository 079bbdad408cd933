import type {
  Incident,
  Postmortem,
  Source,
  Status,
  TimelineEntry,
  TimelineEntryType,
} from '../domain/incident.ts';
import type { IncidentRole, RoleAssignment } from '../domain/roles.ts';
import type { StatsEntry } from '../domain/stats.ts';

/**
 * The incident hash fields returned to callers, in the order write scripts return them. The hash also holds
 * `qTitle` and `qSummary` (lower-cased copies the search index and the substring check read); they never leave
 * Redis.
 */
export const INCIDENT_FIELDS = [
  'id',
  'seq',
  'title',
  'sev',
  'services',
  'summary',
  'status',
  'source',
  'startedAt',
  'mitigatedAt',
  'resolvedAt',
  'updatedAt',
  'commanderId',
  'createdById',
  'version',
  'externalKey',
  'acknowledgedAt',
  'acknowledgedById',
] as const;

const num = (v: string | null | undefined): number | null => (v ? Number(v) : null);

/** Values in INCIDENT_FIELDS order (HMGET or a write script's reply); null when the incident does not exist. */
export function decodeIncident(values: readonly (string | null)[]): Incident | null {
  const [
    id,
    seq,
    title,
    sev,
    services,
    summary,
    status,
    source,
    startedAt,
    mitigatedAt,
    resolvedAt,
    updatedAt,
  ] = values;
  const [commanderId, createdById, version, externalKey, acknowledgedAt, acknowledgedById] = values.slice(12);
  if (!id) return null;
  return {
    id,
    seq: Number(seq),
    title: title ?? '',
    sev: Number(sev),
    services: services ? (JSON.parse(services) as string[]) : [],
    summary: summary ?? '',
    status: status as Status,
    source: source as Source,
    startedAt: Number(startedAt),
    mitigatedAt: num(mitigatedAt),
    resolvedAt: num(resolvedAt),
    updatedAt: Number(updatedAt),
    commanderId: commanderId || null,
    createdById: createdById ?? '',
    version: Number(version),
    externalKey: externalKey || null,
    acknowledgedAt: num(acknowledgedAt),
    acknowledgedById: acknowledgedById || null,
  };
}

/** An XRANGE entry: `[id, [field, value, …]]`. */
export function decodeTimelineEntry(incidentId: string, [id, fields]: [string, string[]]): TimelineEntry {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(fields[i]!, fields[i + 1]!);
  return {
    id,
    incidentId,
    type: (m.get('type') ?? 'note') as TimelineEntryType,
    message: m.get('message') ?? '',
    authorId: m.get('authorId') ?? '',
    at: Number(m.get('at')),
    system: m.get('system') === '1',
    subjectId: m.get('subjectId') || null,
    upstream: m.has('upstreamId')
      ? {
          provider: m.get('provider') ?? '',
          upstreamId: m.get('upstreamId') ?? '',
          status: m.get('upstreamStatus') ?? '',
          at: Number(m.get('upstreamAt')),
          url: m.get('url') || null,
        }
      : null,
  };
}

/** A roles hash entry: the field is the role (or `responder:<userId>`), the value `{userId, at, by}`. */
export function decodeRoleAssignment(incidentId: string, field: string, json: string): RoleAssignment {
  const v = JSON.parse(json) as { userId: string; at: string; by: string };
  const role = field.split(':')[0] as IncidentRole;
  return { incidentId, role, userId: v.userId, assignedAt: Number(v.at), assignedById: v.by };
}

/** A stats index member (write-common.lua `restat`): a JSON array, in StatsEntry's order. */
export function decodeStatsEntry(member: string): StatsEntry {
  const [id, sev, source, commanderId, services, startedAt, acknowledgedAt, resolvedAt] = JSON.parse(
    member,
  ) as [string, number, Source, string | null, string[], number, number | null, number | null];
  return { id, sev, source, commanderId, services, startedAt, acknowledgedAt, resolvedAt };
}

/** What a postmortem list entry holds; the incident id comes from the key. */
export type StoredPostmortem = Omit<Postmortem, 'incidentId'>;

export function decodePostmortem(incidentId: string, raw: string): Postmortem {
  return { incidentId, ...(JSON.parse(raw) as StoredPostmortem) };
}
