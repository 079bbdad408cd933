import type { EventEnvelope, Redis } from '@polystatus/kit';
import type { Announcement, AnnouncementState } from '../domain/announcement.ts';
import type { Component, ComponentGroup, ComponentStatus, StatusChange } from '../domain/component.ts';
import { COMMS_EVENTS, eventFields, SYSTEM_ACTOR } from '../domain/events.ts';
import type { IncidentFacts, MirroredIncident } from '../domain/incident.ts';
import type { Maintenance } from '../domain/maintenance.ts';
import type { CommsKeys } from '../keys.ts';
import { parseAnnouncement, parseComponent, parseGroup, parseIncident, parseMaintenance } from './records.ts';
import { scripts } from './scripts.ts';

/** One change to a component's impacts hash (see lua/status.lua); no status removes the entry. */
export interface ImpactOp {
  cid: string;
  field: string;
  status?: ComponentStatus;
}

/** A record read with its stored text, so a write can require that it did not change meanwhile. */
export interface Versioned<T> {
  record: T;
  raw: string;
}

/** What a compare-and-set write does besides replacing the record. */
export interface CasWrite {
  key: string;
  /** The stored text the change was computed from; '' when the record must not exist yet. */
  expected: string;
  value: unknown;
  zadd?: [key: string, score: number, member: string][];
  zrem?: [key: string, member: string][];
  event?: EventEnvelope<unknown>;
  impacts?: ImpactOp[];
  cause?: { kind: 'incident' | 'maintenance' | 'recompute'; id: string | null };
  now: number;
  actor: string;
}

export interface StatusMove {
  componentId: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

/**
 * The only code that talks to the comms domain's Redis keys (besides public-state.ts, which reads and stores the
 * public snapshot). Records are JSON strings; every multi-key change is one Lua script.
 */
export class CommsStore {
  constructor(
    private readonly redis: Redis,
    readonly keys: CommsKeys,
    private readonly opts: { eventStreamMaxLen: number },
  ) {
    scripts.install(redis);
  }

  /** The shared head of every script's arguments (lua/status.lua). */
  scriptArgs(now: number, actor: string, idBase: string, extra: Record<string, unknown>): string {
    return JSON.stringify({
      ks: this.keys.keyspace(),
      ev: {
        maxlen: this.opts.eventStreamMaxLen,
        at: new Date(now).toISOString(),
        actor,
        idBase,
        statusChanged: COMMS_EVENTS.componentStatusChanged,
      },
      now,
      ...extra,
    });
  }

  /** 'conflict' when the record changed since it was read; otherwise the component statuses that moved. */
  async casWrite(w: CasWrite): Promise<'conflict' | StatusMove[]> {
    const reply = (await scripts.run(
      this.redis,
      'casWrite',
      [w.key],
      [
        this.scriptArgs(w.now, w.actor, w.event?.id ?? `${w.key}:${w.now}`, {
          key: w.key,
          expected: w.expected,
          value: JSON.stringify(w.value),
          zadd: w.zadd ?? [],
          zrem: w.zrem ?? [],
          event: w.event ? eventFields(w.event) : [],
          impacts: w.impacts ?? [],
          cause: w.cause ?? { kind: 'recompute', id: null },
        }),
      ],
    )) as string[];
    if (reply[0] === 'conflict') return 'conflict';
    return moves(reply.slice(1));
  }

  // ---- components and groups ----

  async components(ids?: readonly string[]): Promise<(Component | null)[]> {
    const list = ids ?? (await this.redis.zrange(this.keys.components, '0', '-1'));
    if (list.length === 0) return [];
    const raws = await this.redis.mget(list.map((id) => this.keys.component(id)));
    return raws.map((r) => (r ? parseComponent(r) : null));
  }

  async groups(ids?: readonly string[]): Promise<(ComponentGroup | null)[]> {
    const list = ids ?? (await this.redis.zrange(this.keys.componentGroups, '0', '-1'));
    if (list.length === 0) return [];
    const raws = await this.redis.mget(list.map((id) => this.keys.componentGroup(id)));
    return raws.map((r) => (r ? parseGroup(r) : null));
  }

  async component(id: string): Promise<Versioned<Component> | null> {
    const raw = await this.redis.get(this.keys.component(id));
    return raw ? { raw, record: parseComponent(raw) } : null;
  }

  async group(id: string): Promise<ComponentGroup | null> {
    const raw = await this.redis.get(this.keys.componentGroup(id));
    return raw ? parseGroup(raw) : null;
  }

  /** Newest first. */
  async history(componentId: string, first: number): Promise<StatusChange[]> {
    const entries = await this.redis.xrevrange(
      this.keys.componentHistory(componentId),
      '+',
      '-',
      'COUNT',
      first,
    );
    return entries.map(([, fields]) => statusChange(fields));
  }

  /** The last change before `since` (the status the window starts in) and every change after it, oldest first. */
  async historySince(
    componentId: string,
    since: number,
  ): Promise<{ before: StatusChange | null; within: StatusChange[] }> {
    const key = this.keys.componentHistory(componentId);
    const [before, within] = await Promise.all([
      this.redis.xrevrange(key, `(${since}`, '-', 'COUNT', 1),
      this.redis.xrange(key, String(since), '+'),
    ]);
    return {
      before: before[0] ? statusChange(before[0][1]) : null,
      within: within.map(([, fields]) => statusChange(fields)),
    };
  }

  // ---- maintenances ----

  async maintenance(id: string): Promise<Versioned<Maintenance> | null> {
    const raw = await this.redis.get(this.keys.maintenance(id));
    return raw ? { raw, record: parseMaintenance(raw) } : null;
  }

  async maintenances(ids: readonly string[]): Promise<(Maintenance | null)[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.maintenance(id)));
    return raws.map((r) => (r ? parseMaintenance(r) : null));
  }

  /** Newest scheduled first. */
  async recentMaintenanceIds(first: number): Promise<string[]> {
    return this.redis.zrevrange(this.keys.maintenances, 0, first - 1);
  }

  /** Maintenances whose next automatic step is due at `now`, oldest first. */
  async dueMaintenanceIds(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.maintenancesDue, '-inf', now, 'LIMIT', 0, limit);
  }

  /** Maintenances whose reminder is pending and whose start is at or before `until`, soonest first. */
  async pendingReminderIds(until: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.maintenanceReminders, '-inf', until, 'LIMIT', 0, limit);
  }

  /** Maintenances scheduled to start after `after`, soonest first, a page at a time (`offset`). */
  async upcomingMaintenanceIds(after: number, offset: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.maintenances, `(${after}`, '+inf', 'LIMIT', offset, limit);
  }

  /**
   * Adds reminder index entries that are missing (`NX`: an entry already there, perhaps moved by an edit, is
   * left as it is). Returns how many were added.
   */
  async addMissingReminders(entries: readonly { id: string; at: number }[]): Promise<number> {
    if (entries.length === 0) return 0;
    return this.redis.zadd(
      this.keys.maintenanceReminders,
      'NX',
      ...entries.flatMap((e) => [String(e.at), e.id]),
    );
  }

  /** Takes an entry out of the reminder index outright: only for one whose maintenance record does not exist. */
  async dropReminder(id: string): Promise<void> {
    await this.redis.zrem(this.keys.maintenanceReminders, id);
  }

  // ---- incidents and announcements ----

  async incident(id: string): Promise<MirroredIncident | null> {
    const raw = await this.redis.get(this.keys.incident(id));
    return raw ? parseIncident(raw) : null;
  }

  async incidents(ids: readonly string[]): Promise<(MirroredIncident | null)[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.incident(id)));
    return raws.map((r) => (r ? parseIncident(r) : null));
  }

  /**
   * Records the incident as the graph showed it. `doneEventId` makes applying an incidents event idempotent
   * across consumer restarts; facts older than the ones held are ignored.
   */
  async applyIncident(facts: IncidentFacts, now: number, doneEventId?: string): Promise<boolean> {
    const reply = await scripts.run(
      this.redis,
      'applyIncident',
      [this.keys.incident(facts.id), this.keys.openIncidents, this.keys.recentIncidents],
      [
        this.scriptArgs(now, SYSTEM_ACTOR, `incident:${facts.id}:${facts.updatedAt}`, {
          facts,
          done: doneEventId ? this.keys.incidentEventDone(doneEventId) : '',
        }),
      ],
    );
    return Number(reply) === 1;
  }

  async announcements(ids: readonly string[]): Promise<(Announcement | null)[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.announcement(id)));
    return raws.map((r) => (r ? parseAnnouncement(r) : null));
  }

  /** Each incident's announcements, newest first, in one pipeline. */
  async announcementsOf(incidentIds: readonly string[]): Promise<Announcement[][]> {
    const pipe = this.redis.pipeline();
    for (const id of incidentIds) pipe.zrevrange(this.keys.incidentAnnouncements(id), 0, -1);
    const idLists = ((await pipe.exec()) ?? []).map(([err, ids]) => {
      if (err) throw err;
      return ids as string[];
    });
    const all = await this.announcements(idLists.flat());
    let at = 0;
    return idLists.map((ids) => {
      const mine = all.slice(at, at + ids.length);
      at += ids.length;
      return mine.filter((a): a is Announcement => a !== null);
    });
  }

  async publishAnnouncement(a: {
    announcement: Omit<Announcement, 'impacts'>;
    impacts: { componentId: string; status: ComponentStatus }[];
    event: EventEnvelope<unknown>;
  }): Promise<
    | { outcome: 'ok'; impacts: Announcement['impacts'] }
    | { outcome: 'no_incident' }
    | { outcome: 'no_component'; componentId: string }
  > {
    const { announcement: ann } = a;
    const reply = (await scripts.run(
      this.redis,
      'publishAnnouncement',
      [
        this.keys.incident(ann.incidentId),
        this.keys.announcement(ann.id),
        this.keys.incidentAnnouncements(ann.incidentId),
      ],
      [
        this.scriptArgs(ann.publishedAt, ann.authorId, a.event.id, {
          incidentId: ann.incidentId,
          announcementId: ann.id,
          state: ann.state satisfies AnnouncementState,
          impacts: a.impacts,
          record: JSON.stringify(ann),
          event: eventFields(a.event),
        }),
      ],
    )) as string[];
    if (reply[0] === 'no_incident') return { outcome: 'no_incident' };
    if (reply[0] === 'no_component') return { outcome: 'no_component', componentId: reply[1]! };
    return { outcome: 'ok', impacts: JSON.parse(reply[1]!) as Announcement['impacts'] };
  }
}

function statusChange(fields: string[]): StatusChange {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) m.set(fields[i]!, fields[i + 1]!);
  const kind = m.get('kind');
  const id = m.get('id') || null;
  return {
    at: Number(m.get('at')),
    from: m.get('from') as ComponentStatus,
    to: m.get('to') as ComponentStatus,
    incidentId: kind === 'incident' ? id : null,
    maintenanceId: kind === 'maintenance' ? id : null,
  };
}

function moves(flat: string[]): StatusMove[] {
  const out: StatusMove[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3)
    out.push({
      componentId: flat[i]!,
      from: flat[i + 1] as ComponentStatus,
      to: flat[i + 2] as ComponentStatus,
    });
  return out;
}
