import type { Redis } from 'ioredis';
import type { CspKeys } from '../keys.ts';
import { scripts } from './scripts.ts';

/**
 * Leases that make one replica the poller of each provider (and one the incident linker). A lease lasts `ttlMs`
 * unless its holder renews it; a holder that dies stops renewing and another replica takes over.
 */
export class LeaseStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CspKeys,
  ) {
    scripts.install(redis);
  }

  /** Claims or renews every named lease in one round trip; returns the names this holder now has. */
  async claim(names: readonly string[], holder: string, ttlMs: number): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const pipe = this.redis.pipeline();
    for (const n of names) void scripts.run(pipe, 'claimLease', [this.keys.lease(n)], [holder, ttlMs]);
    const replies = (await pipe.exec()) ?? [];
    return new Set(names.filter((_, i) => replies[i]?.[0] === null && replies[i]?.[1] === 1));
  }

  async release(names: readonly string[], holder: string): Promise<void> {
    if (names.length === 0) return;
    const pipe = this.redis.pipeline();
    for (const n of names) void scripts.run(pipe, 'releaseLease', [this.keys.lease(n)], [holder]);
    await pipe.exec();
  }

  /** Who holds each lease now (null: nobody). */
  async holders(names: readonly string[]): Promise<(string | null)[]> {
    if (names.length === 0) return [];
    return this.redis.mget(...names.map((n) => this.keys.lease(n)));
  }
}
