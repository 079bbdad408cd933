import { type EventEnvelope, envelopeToFields, type Redis } from '@polystatus/kit';
import type { IncidentFilter } from '../domain/filter.ts';
import type {
  Incident,
  NoteType,
  Postmortem,
  PostmortemActionItem,
  Source,
  Status,
  TimelineEntry,
  UpstreamUpdate,
} from '../domain/incident.ts';
import { type IncidentRole, type RoleAssignment, roleField, roleLabel } from '../domain/roles.ts';
import { groupStats, type RawStatsGroup, type StatsGroupBy } from '../domain/stats.ts';
import type { Effects } from '../domain/transitions.ts';
import type { IncidentChanges, NewIncident } from '../domain/validation.ts';
import type { IncidentsKeys } from '../keys.ts';
import {
  decodeIncident,
  decodePostmortem,
  decodeRoleAssignment,
  decodeStatsEntry,
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
  | 'commander_refused'
  /** Role holders and action item owners: the caught-up directory does not hold the user as enabled. */
  | 'user_refused'
  /** createIncident: the externalKey was used before; the incident is the one it created. */
  | 'existing'
  /** Action item writes: no such item on this incident (`detail`: the postmortem item's index, if any). */
  | 'item_not_found';

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

/** A page of incidents: the records come with it, read atomically with the indexes (see list.lua). */
export interface IncidentListResult extends ListResult {
  entries: { id: string; seq: number; incident: Incident | null }[];
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

/** What updateActionItem may change, as stored: epoch ms as a string, '' clearing an optional field. */
export interface ActionItemChanges {
  text?: string;
  ownerId?: string;
  dueDate?: string;
  status?: string;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
    incident: NewIncident & { id: string; source: Source; status: Status; externalKey: string | null },
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
        externalKey: incident.externalKey,
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

  /** The items become tracked action items (see submit-postmortem.lua); `newId` is used if one must be created. */
  submitPostmortem(
    id: string,
    postmortem: Omit<StoredPostmortem, 'version' | 'actionItems'>,
    items: (PostmortemActionItem & { newId: string })[],
    change: Change,
  ): Promise<WriteResult> {
    return this.write('submitPostmortem', id, change, { id, postmortem: JSON.stringify(postmortem), items }, [
      this.keys.postmortems(id),
      this.keys.userDirectory,
    ]);
  }

  recordUpstream(
    id: string,
    message: string,
    upstream: UpstreamUpdate,
    change: Change,
  ): Promise<WriteResult> {
    const dedupe = [upstream.provider, upstream.upstreamId, upstream.status, upstream.at].join('\u0000');
    return this.write('recordUpstream', id, change, {
      id,
      message,
      dedupe,
      upstream: { ...upstream, at: String(upstream.at) },
    });
  }

  acknowledge(id: string, change: Change): Promise<WriteResult> {
    return this.write('acknowledge', id, change, { id });
  }

  assignRole(
    id: string,
    role: IncidentRole,
    userId: string,
    change: Change,
    unassign = false,
  ): Promise<WriteResult> {
    const args = { id, role, userId, field: roleField(role, userId), label: capitalize(roleLabel(role)) };
    return unassign
      ? this.write('unassignRole', id, change, args)
      : this.write('assignRole', id, change, args, this.directoryKeys());
  }

  createActionItem(
    incidentId: string,
    item: { id: string; text: string; ownerId: string | null; dueDate: number | null },
    change: Change,
  ): Promise<WriteResult> {
    const stored = { ...item, status: 'open', dueDate: item.dueDate === null ? null : String(item.dueDate) };
    return this.write(
      'createActionItem',
      incidentId,
      change,
      { id: incidentId, item: stored },
      this.directoryKeys(),
    );
  }

  /** `changes`: '' clears the owner or the due date. */
  updateActionItem(
    incidentId: string,
    itemId: string,
    changes: ActionItemChanges,
    labels: Partial<Record<keyof ActionItemChanges, string>>,
    opts: { expectedVersion?: number | null; dueDateIso: string | null },
    change: Change,
  ): Promise<WriteResult> {
    const args = {
      id: incidentId,
      itemId,
      changes,
      labels,
      dueDateIso: opts.dueDateIso,
      itemExpectedVersion: opts.expectedVersion ?? null,
    };
    return this.write('updateActionItem', incidentId, change, args, this.directoryKeys());
  }

  /** The user directory travels with writes that name a user, so the user's standing is re-checked atomically. */
  private directoryKeys(): string[] {
    return [this.keys.userDirectory, this.keys.userDirectoryApplied, this.keys.usersEvents];
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
  async list(requests: readonly ListRequest[]): Promise<IncidentListResult[]> {
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
    const stride = 1 + INCIDENT_FIELDS.length;
    return results.map((raw) => {
      const reply = raw as (string | null)[];
      const entries: IncidentListResult['entries'] = [];
      for (let i = 2; i + stride <= reply.length; i += stride) {
        const incident = decodeIncident(reply.slice(i + 1, i + stride));
        entries.push({ id: incident?.id ?? '', seq: Number(reply[i]), incident });
      }
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

  /** The response roles of several incidents in one round trip, each in order of assignment. */
  async roles(ids: readonly string[]): Promise<RoleAssignment[][]> {
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.keys.roles(id));
    const results = await exec(pipe);
    return results.map((raw, i) =>
      Object.entries(raw as Record<string, string>)
        .map(([field, json]) => decodeRoleAssignment(ids[i]!, field, json))
        .sort((a, b) => a.assignedAt - b.assignedAt || a.role.localeCompare(b.role)),
    );
  }

  /** For each user, the incidents not resolved in which they hold a role, newest first. */
  async roleHoldings(userIds: readonly string[]): Promise<string[][]> {
    const pipe = this.redis.pipeline();
    for (const u of userIds) pipe.zrevrange(this.keys.byRoleHolder(u), 0, -1);
    return (await exec(pipe)) as string[][];
  }

  /**
   * The incidents started in [from, to), grouped: one range of the stats index (the figures kept on write), no
   * incident read. The members are split here rather than decoded in Lua: Lua's decoding measured slower than the
   * transfer it saves.
   */
  async statsGroups(from: number, to: number, groupBy: StatsGroupBy | null): Promise<RawStatsGroup[]> {
    const members = await this.redis.zrangebyscore(this.keys.statsStarted, from, `(${to}`);
    return groupStats(members.map(decodeStatsEntry), to, groupBy);
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
export async function exec(pipe: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipe.exec()) ?? [];
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}
