import { fieldError, isRole, type Redis, type Role } from '@polystatus/kit';
import type { UsersKeys } from '../keys.ts';
import { scripts } from './scripts.ts';
import { type StreamLimits, type StreamWrites, streamArgs, streamCommands } from './stream-writes.ts';

/** An API token's metadata. The token itself is shown once at creation and never stored. */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the token, so people can tell their tokens apart. */
  prefix: string;
  role: Role;
  /** The user who created it; the token never acts above this user's current role. */
  ownerId: string;
  /** SHA-256 of the token: how introspection finds it. */
  tokenHash: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const num = (v: string | undefined) => (v ? Number(v) : null);

function fromHash(h: Record<string, string>): ApiToken | null {
  if (!h.id || !isRole(h.role)) return null;
  return {
    id: h.id,
    name: h.name ?? '',
    prefix: h.prefix ?? '',
    role: h.role,
    ownerId: h.ownerId ?? '',
    tokenHash: h.tokenHash ?? '',
    createdAt: Number(h.createdAt),
    expiresAt: num(h.expiresAt),
    lastUsedAt: num(h.lastUsedAt),
    revokedAt: num(h.revokedAt),
  };
}

export class ApiTokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: UsersKeys,
    private readonly limits: StreamLimits,
  ) {
    scripts.install(redis);
  }

  async create(token: ApiToken, writes: StreamWrites): Promise<void> {
    const k = this.keys;
    const fields: Record<string, string> = {
      id: token.id,
      name: token.name,
      prefix: token.prefix,
      role: token.role,
      ownerId: token.ownerId,
      tokenHash: token.tokenHash,
      createdAt: String(token.createdAt),
    };
    if (token.expiresAt) fields.expiresAt = String(token.expiresAt);
    const multi = this.redis.multi();
    multi.hset(k.apiToken(token.id), fields);
    multi.set(k.apiTokenByHash(token.tokenHash), token.id);
    // The lookup key disappears when the token expires; the metadata stays listed as expired.
    if (token.expiresAt) multi.pexpireat(k.apiTokenByHash(token.tokenHash), token.expiresAt);
    multi.zadd(k.apiTokens, token.createdAt, token.id);
    for (const [cmd, ...args] of streamCommands(writes, k, this.limits, token.createdAt))
      multi.call(cmd, ...args);
    await multi.exec();
  }

  async get(id: string): Promise<ApiToken | null> {
    return fromHash(await this.redis.hgetall(this.keys.apiToken(id)));
  }

  async findByHash(tokenHash: string): Promise<ApiToken | null> {
    const id = await this.redis.get(this.keys.apiTokenByHash(tokenHash));
    return id ? this.get(id) : null;
  }

  /** Newest first. Tokens are never deleted (revoked ones stay listed), so the rank is a stable cursor. */
  async page(afterId: string | null, count: number): Promise<ApiToken[]> {
    let start = 0;
    if (afterId) {
      const rank = await this.redis.zrevrank(this.keys.apiTokens, afterId);
      if (rank === null) throw fieldError('after', 'is not a cursor this API returned');
      start = rank + 1;
    }
    const ids = await this.redis.zrevrange(this.keys.apiTokens, start, start + count - 1);
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.keys.apiToken(id));
    const rows = (await pipe.exec()) ?? [];
    return rows.flatMap(([err, h]) => {
      if (err) throw err;
      const t = fromHash(h as Record<string, string>);
      return t ? [t] : [];
    });
  }

  async revoke(token: ApiToken, now: number, writes: StreamWrites): Promise<'OK' | 'ALREADY' | 'MISSING'> {
    const k = this.keys;
    return (await scripts.run(
      this.redis,
      'revokeApiToken',
      [k.apiToken(token.id), k.apiTokenByHash(token.tokenHash), k.events, k.audit],
      [now, ...streamArgs(writes, this.limits, now)],
    )) as 'OK' | 'ALREADY' | 'MISSING';
  }

  async touch(id: string, at: number): Promise<void> {
    await this.redis.hset(this.keys.apiToken(id), 'lastUsedAt', String(at));
  }
}
