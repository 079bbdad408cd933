import type { Redis } from '@polystatus/kit';
import { scripts } from './scripts.ts';

/**
 * A Redis lease that one replica holds at a time (the maintenance scheduler's). It is renewed on every tick
 * and lapses after `ttlMs` when its holder dies, so another replica takes over within a few ticks.
 */
export class Lease {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly holder: string,
    private readonly ttlMs: number,
  ) {
    scripts.install(redis);
  }

  async hold(): Promise<boolean> {
    return Number(await scripts.run(this.redis, 'lease', [this.key], [this.holder, this.ttlMs])) === 1;
  }
}
