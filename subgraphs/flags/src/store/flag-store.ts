import { type EventEnvelope, envelopeToFields, type Redis } from '@polystatus/kit';
import type { AuditEntry, Flag, FlagDefinition } from '../domain/flag.ts';
import type { FlagsKeys } from '../keys.ts';
import { decodeAuditEntry, decodeFlag, encodeDefinition, FLAG_FIELDS } from './record.ts';
import { type ScriptName, scripts } from './scripts.ts';

/** Who, when, and the event to append; every write carries one. */
export interface Change {
  actor: string;
  now: number;
  event: EventEnvelope;
  incidentId?: string | null;
  expectedVersion?: number | null;
}

export type WriteOutcome = 'created' | 'updated' | 'toggled' | 'noop' | 'not_found' | 'version_conflict';

export interface WriteResult {
  outcome: WriteOutcome;
  /** The audit entry the write recorded (empty for refusals and no-ops). */
  auditId: string;
  flag: Flag | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  hasMore: boolean;
}

/**
 * The only code of the domain that talks to Redis. Each write is one Lua script (check the version, change,
 * audit twice, append the event), so concurrent writers to one flag never lose an update and every change a
 * consumer hears of did happen. Reads batch in pipelines.
 */
export class FlagStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: FlagsKeys,
    private readonly eventStreamMaxLen: number,
  ) {
    scripts.install(redis);
  }

  put(def: FlagDefinition, change: Change): Promise<WriteResult> {
    return this.write('put', def.id, change, { def: encodeDefinition(def), on: def.on });
  }

  toggle(key: string, on: boolean, change: Change): Promise<WriteResult> {
    return this.write('toggle', key, change, { on });
  }

  private async write(
    script: ScriptName,
    key: string,
    change: Change,
    args: Record<string, unknown>,
  ): Promise<WriteResult> {
    const payload = {
      key,
      now: String(change.now),
      actor: change.actor,
      maxlen: String(this.eventStreamMaxLen),
      event: envelopeToFields(change.event),
      incidentId: change.incidentId ?? null,
      expectedVersion: change.expectedVersion ?? null,
      ...args,
    };
    const k = this.keys;
    const reply = (await scripts.run(
      this.redis,
      script,
      [k.flag(key), k.index, k.audit, k.flagAudit(key), k.events],
      [JSON.stringify(payload)],
    )) as (string | null)[];
    return { outcome: reply[0] as WriteOutcome, auditId: reply[1] ?? '', flag: decodeFlag(reply.slice(2)) };
  }

  /** Missing flags come back as null, in order; one round trip. */
  async getMany(keys: readonly string[]): Promise<(Flag | null)[]> {
    if (keys.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const key of keys) pipe.hmget(this.keys.flag(key), ...FLAG_FIELDS);
    const results = (await pipe.exec()) ?? [];
    return results.map(([err, values]) => {
      if (err) throw err;
      return decodeFlag(values as (string | null)[]);
    });
  }

  /** Every flag, oldest first: flags number in the hundreds, not millions, so the list is read whole. */
  async all(): Promise<Flag[]> {
    const keys = await this.redis.zrange(this.keys.index, '0', '-1');
    return (await this.getMany(keys)).filter((f): f is Flag => f !== null);
  }

  /** The last entry of the events stream ('0-0' when empty): where a follower starts after a full load. */
  async eventsTail(): Promise<string> {
    const last = (await this.redis.xrevrange(this.keys.events, '+', '-', 'COUNT', 1)) as [string, string[]][];
    return last[0]?.[0] ?? '0-0';
  }

  /** Audit entries oldest first, of one flag or of every flag, after an entry id (exclusive). */
  async audit(flagKey: string | null, first: number, after: string | null): Promise<AuditPage> {
    const stream = flagKey === null ? this.keys.audit : this.keys.flagAudit(flagKey);
    const start = after === null ? '-' : `(${after}`;
    const raw = (await this.redis.xrange(stream, start, '+', 'COUNT', String(first + 1))) as [
      string,
      string[],
    ][];
    const entries = raw.slice(0, first).map(([id, fields]) => decodeAuditEntry(id, fields));
    return { entries, hasMore: raw.length > first };
  }
}
