import type {
  Incident,
  Postmortem,
  Source,
  Status,
  TimelineEntry,
  TimelineEntryType,
} from '../domain/incident.ts';

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
  const [commanderId, createdById, version] = values.slice(12);
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
  };
}

/** What a postmortem list entry holds; the incident id comes from the key. */
export type StoredPostmortem = Omit<Postmortem, 'incidentId'>;

export function decodePostmortem(incidentId: string, raw: string): Postmortem {
  return { incidentId, ...(JSON.parse(raw) as StoredPostmortem) };
}
