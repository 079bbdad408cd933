import type { Redis } from '@polystatus/kit';
import type { UsersKeys } from '../keys.ts';
import { scripts } from './scripts.ts';
import { type StreamLimits, type StreamWrites, streamArgs, streamCommands } from './stream-writes.ts';

/** A login session: one refresh-token family. Access tokens carry its id (`sid`). */
export interface Session {
  id: string;
  userId: string;
  /** Epoch ms; compared with the user's `sessionsValidAfter`. */
  createdAt: number;
  /** Epoch ms; absolute, rotation does not extend it. */
  expiresAt: number;
  revoked: boolean;
}

export type RotateResult = 'OK' | 'REUSED' | 'REVOKED' | 'INVALID';
export type RevokeResult = 'OK' | 'ALREADY' | 'INVALID';

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: UsersKeys,
    private readonly limits: StreamLimits,
  ) {
    scripts.install(redis);
  }

  async create(session: Session, refreshHash: string, writes: StreamWrites): Promise<void> {
    const key = this.keys.session(session.id);
    const multi = this.redis.multi();
    multi.hset(key, {
      id: session.id,
      userId: session.userId,
      createdAt: String(session.createdAt),
      expiresAt: String(session.expiresAt),
      current: refreshHash,
      revoked: '0',
    });
    multi.pexpireat(key, session.expiresAt);
    for (const [cmd, ...args] of streamCommands(writes, this.keys, this.limits, session.createdAt)) {
      multi.call(cmd, ...args);
    }
    await multi.exec();
  }

  async get(sid: string): Promise<Session | null> {
    const h = await this.redis.hgetall(this.keys.session(sid));
    if (!h.userId) return null;
    return {
      id: sid,
      userId: h.userId,
      createdAt: Number(h.createdAt),
      expiresAt: Number(h.expiresAt),
      revoked: h.revoked === '1',
    };
  }

  /** `reuseWrites` are appended only when the presented token turns out to be a replay. */
  async rotate(sid: string, presentedHash: string, newHash: string, now: number, reuseWrites: StreamWrites) {
    const k = this.keys;
    return (await scripts.run(
      this.redis,
      'rotateRefresh',
      [k.session(sid), k.sessionUsed(sid), k.events, k.audit],
      [presentedHash, newHash, now, ...streamArgs(reuseWrites, this.limits, now)],
    )) as RotateResult;
  }

  async revoke(sid: string, presentedHash: string, reason: string, now: number, writes: StreamWrites) {
    const k = this.keys;
    return (await scripts.run(
      this.redis,
      'revokeSession',
      [k.session(sid), k.sessionUsed(sid), k.events, k.audit],
      [presentedHash, now, reason, ...streamArgs(writes, this.limits, now)],
    )) as RevokeResult;
  }
}
