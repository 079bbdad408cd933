import type { Redis } from '@polystatus/kit';
import type { UsersKeys } from '../keys.ts';
import { scripts } from './scripts.ts';

export interface AttemptCounts {
  email: { count: number; ttl: number };
  ip: { count: number; ttl: number } | null;
}

/** Fixed-window counters of login attempts per email and per client address. */
export class LoginLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: UsersKeys,
  ) {
    scripts.install(redis);
  }

  async reserve(emailLower: string, ip: string | null, windowSeconds: number): Promise<AttemptCounts> {
    const keys = [this.keys.loginFailuresByEmail(emailLower)];
    if (ip) keys.push(this.keys.loginFailuresByIp(ip));
    const [ec, et, ic, it] = (await scripts.run(this.redis, 'reserveLoginAttempt', keys, [
      windowSeconds,
    ])) as number[];
    return { email: { count: ec!, ttl: et! }, ip: ip ? { count: ic!, ttl: it! } : null };
  }

  /**
   * A successful login resets its email's counter. The address's counter is left alone: refunding it would let
   * someone with any valid account interleave their own logins with guesses at other emails and never reach the
   * per-address limit.
   */
  async forgive(emailLower: string): Promise<void> {
    await this.redis.del(this.keys.loginFailuresByEmail(emailLower));
  }
}
