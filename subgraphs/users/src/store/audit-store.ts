import { fieldError, type Redis } from '@polystatus/kit';
import { type AuditEntry, auditFromFields, type NewAuditEntry } from '../domain/audit.ts';
import type { UsersKeys } from '../keys.ts';
import { type StreamLimits, streamCommands } from './stream-writes.ts';

const STREAM_ID = /^\d+-\d+$/;

/** The security audit log: a capped stream, newest entries listed first. */
export class AuditStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: UsersKeys,
    private readonly limits: StreamLimits,
  ) {}

  /** For entries with no state change to go with them (a failed login). */
  async append(entry: NewAuditEntry, at: number): Promise<void> {
    const [[cmd, ...args]] = streamCommands({ events: [], audit: [entry] }, this.keys, this.limits, at) as [
      [string, ...(string | number)[]],
    ];
    await this.redis.call(cmd, ...args);
  }

  /** Entries older than `afterId` (the last id already seen), newest first. */
  async page(afterId: string | null, count: number): Promise<AuditEntry[]> {
    if (afterId && !STREAM_ID.test(afterId)) throw fieldError('after', 'is not a cursor this API returned');
    const rows = await this.redis.xrevrange(
      this.keys.audit,
      afterId ? `(${afterId}` : '+',
      '-',
      'COUNT',
      count,
    );
    return rows.map(([id, fields]) => auditFromFields(id, fields));
  }
}
