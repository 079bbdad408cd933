import { type EventEnvelope, envelopeToFields, type Redis } from '@polystatus/kit';
import type { IncidentFilter } from '../domain/filter.ts';
import type { Incident, NoteType, Postmortem, Source, Status, TimelineEntry } from '../domain/incident.ts';
import type { Effects } from '../domain/transitions.ts';
import type { IncidentChanges, NewIncident } from '../domain/validation.ts';
import type { IncidentsKeys } from '../keys.ts';
import {
  decodeIncident,
  decodePostmortem,
  decodeTimelineEntry,
  INCIDENT_FIELDS,
  type StoredPostmortem,
} from './record.ts';
import { type ScriptName, scripts } from './scripts.ts';

/** Who, when, and the event to append; every write carries one. */
export interface Change {
  actor: string;
  now: number;
  event: EventEnvelope;
  expectedVersion?: number | null;
}

export type WriteOutcome =
  | 'ok'
  | 'noop'
  | 'not_found'
  | 'version_conflict'
  | 'transition_conflict'
  | 'collision'
  /** assignCommander: the users stream has entries the user directory has not applied yet; catch up, retry. */
  | 'directory_behind'
  /** assignCommander: the caught-up directory does not hold the commander as an enabled user. */
  | 'commander_refused';

export interface WriteResult {
  outcome: WriteOutcome;
  /** The timeline entry id the write recorded (empty for refusals and no-ops). */
  entryId: string;
  /** Verb-specific: the previous status or commander, the postmortem version. */
  detail: string;
  incident: Incident | null;
}

export interface ListRequest {
  filter: IncidentFilter;
  before: number | null;
  limit: number;
}

export interface ListResult {
  entries: { id: string; seq: number }[];
  hasMore: boolean;
  /** Set when the scan budget ran out first: continue below this sequence number. */
  resumeBelow: number | null;
}

export interface TimelineRequest {
  incidentId: string;
  first: number;
  after: string | null;
}

export interface StoreOptions {
  eventStreamMaxLen: number;
  listScanBudget: number;
}

/** Lower-cased as JavaScript does it, for every alphabet; the search index and the queries both use this. */
const searchable = (s: string) => s.toLowerCase();

/**
 * The only code of the domain that talks to Redis. Every write is one Lua script: read, check, modify, index,
 * timeline entry and event in one atomic step, so concurrent writers never lose an update and a consumer never
 * sees an event for a change that did not happen. Reads batch in pipelines.
 */
export class IncidentStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: IncidentsKeys,
    private readonly opts: StoreOptions,
  ) {
    scripts.install(redis);
  }

  create(
    incident: NewIncident & { id: string; source: Source; status: Status },
    change: Change & { message: string },
  ): Promise<WriteResult> {
    return this.write('create', incident.id, change, {
      message: change.message,
      incident: {
        id: incident.id,
        title: incident.title,
        sev: incident.sev,
        services: incident.services,
        servicesJson: JSON.stringify(incident.services),
        summary: incident.summary,
        status: incident.status,
        source: incident.source,
        qTitle: searchable(incident.title),
        qSummary: searchable(incident.summary),
      },
    });
  }

  update(id: string, changes: IncidentChanges, change: Change): Promise<WriteResult> {
    return this.write('update', id, change, {
      id,
      changes: {
        ...changes,
        ...(changes.title !== undefined ? { qTitle: searchable(changes.title) } : {}),
        ...(changes.summary !== undefined ? { qSummary: searchable(changes.summary) } : {}),
        ...(changes.services !== undefined ? { servicesJson: JSON.stringify(changes.services) } : {}),
      },
    });
  }

  changeStatus(
    id: string,
    to: Status,
    plans: Partial<Record<Status, Effects>>,
    note: string | null,
    change: Change,
  ): Promise<WriteResult> {
    return this.write('changeStatus', id, change, { id, to, plans, note });
  }

  assignCommander(id: string, commanderId: string, change: Change): Promise<WriteResult> {
    // The user directory travels with the write, so the commander's standing is re-checked atomically with it.
    return this.write('assignCommander', id, change, { id, commanderId }, [
      this.keys.userDirectory,
      this.keys.userDirectoryApplied,
      this.keys.usersEvents,
    ]);
  }

  addNote(id: string, note: { type: NoteType; message: string }, change: Change): Promise<WriteResult> {
    return this.write('addNote', id, change, { type: note.type, message: note.message });
  }

  submitPostmortem(
    id: string,
    postmortem: Omit<StoredPostmortem, 'version'>,
    change: Change,
  ): Promise<WriteResult> {
    return this.write('submitPostmortem', id, change, { postmortem: JSON.stringify(postmortem) }, [
      this.keys.postmortems(id),
    ]);
  }

  private async write(
    script: ScriptName,
    id: string,
    change: Change,
    args: Record<string, unknown>,
    extraKeys: string[] = [],
  ): Promise<WriteResult> {
    const payload = {
      ks: this.keys.keyspace(),
      now: String(change.now),
      actor: change.actor,
      maxlen: String(this.opts.eventStreamMaxLen),
      event: envelopeToFields(change.event),
      expectedVersion: change.expectedVersion ?? null,
      ...args,
    };
    const keys = [this.keys.incident(id), this.keys.timeline(id), this.keys.events, ...extraKeys];
    const reply = (await scripts.run(this.redis, script, keys, [JSON.stringify(payload)])) as (
      | string
      | null
    )[];
    return {
      outcome: reply[0] as WriteOutcome,
      entryId: reply[1] ?? '',
      detail: String(reply[2] ?? ''),
      incident: decodeIncident(reply.slice(3)),
    };
  }

  /** One round trip for any number of ids; missing incidents come back as null, in order. */
  async getMany(ids: readonly string[]): Promise<(Incident | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hmget(this.keys.incident(id), ...INCIDENT_FIELDS);
    const results = await exec(pipe);
    return results.map((r) => decodeIncident(r as (string | null)[]));
  }

  /** Several list queries (one per user asking for `commandedIncidents`, say) in one round trip. */
  async list(requests: readonly ListRequest[]): Promise<ListResult[]> {
    const pipe = this.redis.pipeline();
    const ks = this.keys.keyspace();
    for (const r of requests) {
      const payload = {
        all: ks.all,
        tri: ks.tri,
        incident: ks.incident,
        q: r.filter.q ?? '',
        before: r.before === null ? null : String(r.before),
        limit: r.limit,
        budget: this.opts.listScanBudget,
      };
      void scripts.run(pipe, 'list', this.indexesFor(r.filter), [JSON.stringify(payload)]);
    }
    const results = await exec(pipe);
    return results.map((raw) => {
      const reply = raw as string[];
      const entries: ListResult['entries'] = [];
      for (let i = 2; i + 1 < reply.length; i += 2)
        entries.push({ id: reply[i]!, seq: Number(reply[i + 1]) });
      return { entries, hasMore: reply[0] === '1', resumeBelow: reply[1] ? Number(reply[1]) : null };
    });
  }

  /** The indexes a filter intersects; `q` is resolved by the script through the trigram indexes. */
  private indexesFor(f: IncidentFilter): string[] {
    const out: string[] = [];
    if (f.status) out.push(this.keys.byStatus(f.status));
    if (f.sev !== undefined) out.push(this.keys.bySev(f.sev));
    if (f.service) out.push(this.keys.byService(f.service));
    if (f.commander) out.push(this.keys.byCommander(f.commander));
    if (f.source) out.push(this.keys.bySource(f.source));
    return out;
  }

  /** Pages of several timelines in one round trip; each asks one entry more than it returns to learn if more exist. */
  async timelines(
    requests: readonly TimelineRequest[],
  ): Promise<{ entries: TimelineEntry[]; hasMore: boolean }[]> {
    const pipe = this.redis.pipeline();
    for (const r of requests) {
      pipe.xrange(this.keys.timeline(r.incidentId), r.after ? `(${r.after}` : '-', '+', 'COUNT', r.first + 1);
    }
    const results = await exec(pipe);
    return results.map((raw, i) => {
      const r = requests[i]!;
      const rows = raw as [string, string[]][];
      return {
        entries: rows.slice(0, r.first).map((row) => decodeTimelineEntry(r.incidentId, row)),
        hasMore: rows.length > r.first,
      };
    });
  }

  async latestPostmortems(ids: readonly string[]): Promise<(Postmortem | null)[]> {
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.lindex(this.keys.postmortems(id), -1);
    const results = await exec(pipe);
    return results.map((raw, i) => (raw ? decodePostmortem(ids[i]!, raw as string) : null));
  }

  async postmortemHistories(ids: readonly string[]): Promise<Postmortem[][]> {
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.lrange(this.keys.postmortems(id), 0, -1);
    const results = await exec(pipe);
    return results.map((raw, i) => (raw as string[]).map((doc) => decodePostmortem(ids[i]!, doc)));
  }
}

/** Runs a pipeline and surfaces the first failed command as the error (an outage is already UNAVAILABLE). */
async function exec(pipe: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipe.exec()) ?? [];
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}
