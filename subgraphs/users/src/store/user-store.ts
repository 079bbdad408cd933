import { fieldError, type Redis } from '@polystatus/kit';
import { emailKey, type UserWithSecret } from '../domain/user.ts';
import type { UsersKeys } from '../keys.ts';
import { scripts } from './scripts.ts';
import { type StreamLimits, type StreamWrites, streamArgs } from './stream-writes.ts';
import { userFromHash, userToFields } from './user-codec.ts';

export type ApplyResult = 'OK' | 'STALE' | 'LAST_ADMIN' | 'MISSING';

/** A change to one user, computed by a service from the user as read at `expectedVersion`. */
export interface UserChange {
  id: string;
  expectedVersion: number;
  /** Field/value pairs to set (never `version`, which the script bumps). */
  fields: Record<string, string>;
  adminMembership: 'add' | 'remove' | 'keep';
  /** Refuse when this change would leave no enabled admin. */
  guardLastAdmin: boolean;
  writes: StreamWrites;
  at: number;
}

export class UserStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: UsersKeys,
    private readonly limits: StreamLimits,
  ) {
    scripts.install(redis);
  }

  /** False when the email is already taken (compared case-insensitively). */
  async create(user: UserWithSecret, writes: StreamWrites): Promise<boolean> {
    const k = this.keys;
    const enabledAdmin = user.role === 'admin' && !user.disabled;
    const result = await scripts.run(
      this.redis,
      'createUser',
      [k.user(user.id), k.emailIndex, k.byCreated, k.admins, k.events, k.audit],
      [
        user.id,
        emailKey(user.email),
        user.createdAt,
        JSON.stringify(userToFields(user)),
        enabledAdmin ? '1' : '0',
        ...streamArgs(writes, this.limits, user.createdAt),
      ],
    );
    return result === 'OK';
  }

  async apply(change: UserChange): Promise<ApplyResult> {
    const k = this.keys;
    return (await scripts.run(
      this.redis,
      'applyUserChange',
      [k.user(change.id), k.admins, k.events, k.audit],
      [
        change.id,
        change.expectedVersion,
        JSON.stringify(Object.entries(change.fields).flat()),
        change.adminMembership,
        change.guardLastAdmin ? '1' : '0',
        ...streamArgs(change.writes, this.limits, change.at),
      ],
    )) as ApplyResult;
  }

  async get(id: string): Promise<UserWithSecret | null> {
    return userFromHash(await this.redis.hgetall(this.keys.user(id)));
  }

  /** One round trip for any number of users; the result is aligned with `ids` (null where missing). */
  async getMany(ids: readonly string[]): Promise<(UserWithSecret | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.keys.user(id));
    const results = (await pipe.exec()) ?? [];
    return results.map(([err, h]) => {
      if (err) throw err;
      return userFromHash(h as Record<string, string>);
    });
  }

  async getByEmail(email: string): Promise<UserWithSecret | null> {
    const id = await this.redis.hget(this.keys.emailIndex, emailKey(email));
    return id ? this.get(id) : null;
  }

  /**
   * Ids in creation order after `afterId`. Users are never deleted (only disabled), so a rank in the creation index
   * is a stable cursor.
   */
  async idsAfter(afterId: string | null, count: number): Promise<string[]> {
    let start = 0;
    if (afterId) {
      const rank = await this.redis.zrank(this.keys.byCreated, afterId);
      if (rank === null) throw fieldError('after', 'is not a cursor this API returned');
      start = rank + 1;
    }
    return this.redis.zrange(this.keys.byCreated, start, String(start + count - 1));
  }

  async adminCount(): Promise<number> {
    return this.redis.scard(this.keys.admins);
  }

  /** Held by the replica creating the first admin; expires by itself if that replica dies half-way. */
  async acquireBootstrapLock(holder: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.bootstrapLock, holder, 'PX', String(ttlMs), 'NX')) === 'OK';
  }

  async releaseBootstrapLock(holder: string): Promise<void> {
    // Only the holder may release: compare and delete in one step.
    await this.redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
      1,
      this.keys.bootstrapLock,
      holder,
    );
  }
}
