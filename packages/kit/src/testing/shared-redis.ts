import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { signIdentity } from '../auth/identity-header.ts';
import type { Principal } from '../auth/principal.ts';
import type { Role } from '../auth/roles.ts';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_INTERNAL_SECRET = 'test-internal-secret-0123456789abcdef0123';

/** A key prefix no other test run uses, so tests share one Redis without touching each other's keys. */
export const uniquePrefix = (label = 't'): string => `pstest:${label}:${randomBytes(5).toString('hex')}`;

/** Deletes only keys under `prefix` (SCAN + UNLINK), never FLUSHALL: other runs may share the server. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}

export const testRedis = (): Redis => new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });

/** Headers that make a subgraph see `principal`, signed as the gateway would sign them. */
export function identityHeaders(p: Partial<Principal> & { role: Role }, secret = TEST_INTERNAL_SECRET) {
  const principal: Principal = { kind: p.kind ?? 'user', id: p.id ?? `user-${p.role}`, role: p.role };
  if (p.tokenId) principal.tokenId = p.tokenId;
  if (p.ip) principal.ip = p.ip;
  return { 'x-ps-identity': signIdentity(principal, secret) };
}
