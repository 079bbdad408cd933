import { type EventEnvelope, envelopeToFields } from '@polystatus/kit';
import type { Redis } from 'ioredis';
import type { CspEvent } from '../domain/csp-event.ts';
import type { UpstreamUpdate } from '../formats/types.ts';
import type { CspKeys } from '../keys.ts';
import { scripts } from './scripts.ts';

/** An event as stored: everything but its updates (a list of their own) and its incident link (a hash). */
type StoredRecord = Omit<CspEvent, 'updates' | 'incidentId'>;

export interface EventWrite {
  event: CspEvent;
  /** Updates to append to the stored history (oldest first). */
  newUpdates: UpstreamUpdate[];
  /** Queue it for the incident linker (opening an incident, copying updates). */
  link: boolean;
}

export interface RefreshWrite {
  providerId: string;
  /** The rev the refresh was computed from; null for a write of the provider's fields alone. */
  expectedRev: number | null;
  providerFields: Record<string, string>;
  events: EventWrite[];
  envelopes: EventEnvelope<unknown>[];
  now: number;
}

export interface ListRequest {
  providers: string[] | null;
  active: boolean | null;
  first: number;
  /** `<updatedAt>:<id>` of the last event of the previous page. */
  after: string | null;
}

/** How many index entries one list call may examine: filters never turn a page into a full scan. */
const SCAN_BUDGET = 5_000;

const record = (e: CspEvent): string => {
  const { updates: _u, incidentId: _i, ...rest } = e;
  return JSON.stringify(rest satisfies StoredRecord);
};

export class EventStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CspKeys,
    private readonly streamMaxLen: number,
  ) {
    scripts.install(redis);
  }

  /** Writes one refresh atomically; 'stale' when another refresh wrote first, 'gone' if the provider was removed. */
  async applyRefresh(w: RefreshWrite): Promise<'ok' | 'stale' | 'gone'> {
    const ks = this.keys.keyspace();
    const writes = w.events.map((e) => ({
      id: e.event.id,
      record: record(e.event),
      score: e.event.updatedAt,
      active: e.event.resolvedAt === null,
      updates: e.newUpdates.map((u) => JSON.stringify(u)),
      link: e.link,
    }));
    const result = await scripts.run(
      this.redis,
      'applyRefresh',
      [this.keys.provider(w.providerId), this.keys.events, this.keys.linkerPending],
      [
        w.expectedRev === null ? '' : String(w.expectedRev),
        JSON.stringify(w.providerFields),
        // cjson reads `[]` and `{}` alike; an empty list must still be a list for ipairs.
        writes.length ? JSON.stringify(writes) : '[]',
        w.envelopes.length ? JSON.stringify(w.envelopes.map(envelopeToFields)) : '[]',
        this.streamMaxLen,
        w.providerId,
        w.now,
        ks.event,
        ks.updates,
        ks.byProvider,
        ks.all,
        ks.active,
      ],
    );
    return result === 'stale' || result === 'gone' ? result : 'ok';
  }

  /** Events without their updates (`updates: []`), in the order asked; null for unknown ids. */
  async getMany(ids: readonly string[]): Promise<(CspEvent | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    pipe.mget(...ids.map((id) => this.keys.event(id)));
    pipe.hmget(this.keys.links, ...ids);
    const [[e1, records], [e2, links]] = (await pipe.exec()) as [
      [Error | null, (string | null)[]],
      [Error | null, (string | null)[]],
    ];
    if (e1 || e2) throw e1 ?? e2;
    return ids.map((_, i) => {
      const raw = records[i];
      if (!raw) return null;
      return { ...(JSON.parse(raw) as StoredRecord), updates: [], incidentId: links[i] ?? null };
    });
  }

  /** Each event's upstream updates, oldest first. */
  async updates(ids: readonly string[]): Promise<UpstreamUpdate[][]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.lrange(this.keys.updates(id), '0', '-1');
    const replies = (await pipe.exec()) ?? [];
    return replies.map(([err, list]) => {
      if (err) throw err;
      return (list as string[]).map((u) => JSON.parse(u) as UpstreamUpdate);
    });
  }

  /** Every stored event of a provider with its updates: what a new feed is compared with. */
  async ofProvider(providerId: string): Promise<CspEvent[]> {
    const ids = await this.redis.zrange(this.keys.byProvider(providerId), '0', '-1');
    const [events, updates] = await Promise.all([this.getMany(ids), this.updates(ids)]);
    return events.flatMap((e, i) => (e ? [{ ...e, updates: updates[i] ?? [] }] : []));
  }

  /** Newest change first, filtered by provider and by open/closed, resumable after the last one seen. */
  async list(req: ListRequest): Promise<{ events: CspEvent[]; hasNext: boolean }> {
    const providers = req.providers ? new Set(req.providers) : null;
    const key =
      req.providers?.length === 1
        ? this.keys.byProvider(req.providers[0]!)
        : req.active === true
          ? this.keys.active
          : this.keys.all;
    let max = '+inf';
    let skipUntil: { score: number; id: string } | null = null;
    if (req.after) {
      const sep = req.after.indexOf(':');
      const score = Number(req.after.slice(0, sep));
      skipUntil = { score, id: req.after.slice(sep + 1) };
      max = String(score);
    }
    const out: CspEvent[] = [];
    let offset = 0;
    let examined = 0;
    const batch = Math.max(req.first * 2, 50);
    while (examined < SCAN_BUDGET) {
      const flat = await this.redis.zrevrangebyscore(key, max, '-inf', 'WITHSCORES', 'LIMIT', offset, batch);
      if (flat.length === 0) return { events: out, hasNext: false };
      offset += flat.length / 2;
      const ids: string[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        const id = flat[i]!;
        const score = Number(flat[i + 1]);
        // Equal scores come in descending member order: skip up to and including the cursor's event.
        if (skipUntil && score === skipUntil.score && id >= skipUntil.id) continue;
        ids.push(id);
      }
      examined += flat.length / 2;
      for (const e of await this.getMany(ids)) {
        if (!e) continue;
        if (providers && !providers.has(e.providerId)) continue;
        if (req.active !== null && (e.resolvedAt === null) !== req.active) continue;
        if (out.length === req.first) return { events: out, hasNext: true };
        out.push(e);
      }
    }
    return { events: out, hasNext: true };
  }

  /** Events linked to each incident. */
  async idsByIncident(incidentIds: readonly string[]): Promise<string[][]> {
    if (incidentIds.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of incidentIds) pipe.smembers(this.keys.byIncident(id));
    const replies = (await pipe.exec()) ?? [];
    return replies.map(([err, ids]) => {
      if (err) throw err;
      return (ids as string[]).sort();
    });
  }

  /** Open and recently changed events across providers, for the cause-and-effect graph. */
  async changedSince(since: number, limit: number): Promise<CspEvent[]> {
    const ids = await this.redis.zrevrangebyscore(this.keys.all, '+inf', since, 'LIMIT', 0, limit);
    const active = await this.redis.zrange(this.keys.active, '0', String(limit - 1));
    const unique = [...new Set([...ids, ...active])];
    return (await this.getMany(unique)).filter((e): e is CspEvent => e !== null);
  }
}
