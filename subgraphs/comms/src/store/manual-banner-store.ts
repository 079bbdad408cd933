import type { Redis } from '@polystatus/kit';
import type { ManualBanner } from '../domain/manual-banner.ts';
import type { CommsKeys } from '../keys.ts';

export function parseManualBanner(raw: string): ManualBanner {
  const b = JSON.parse(raw) as ManualBanner;
  return { ...b, link: b.link ?? null, endsAt: b.endsAt ?? null };
}

/**
 * The admin's manual banner: one JSON string. A single key written whole needs no script; the public rendering
 * reads it in its own atomic read (lua/read-public-state.lua), so a change shows on the next rendering.
 */
export class ManualBannerStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CommsKeys,
  ) {}

  async get(): Promise<ManualBanner | null> {
    const raw = await this.redis.get(this.keys.manualBanner);
    return raw ? parseManualBanner(raw) : null;
  }

  async set(banner: ManualBanner): Promise<void> {
    await this.redis.set(this.keys.manualBanner, JSON.stringify(banner));
  }

  /** True when there was one. */
  async clear(): Promise<boolean> {
    return (await this.redis.del(this.keys.manualBanner)) === 1;
  }
}
