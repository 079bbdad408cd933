import { type EventEnvelope, envelopeFromFields, type Redis } from '@polystatus/kit';
import { eventFields } from '../domain/events.ts';
import type { ManualBanner } from '../domain/manual-banner.ts';
import type { CommsKeys } from '../keys.ts';
import { scripts } from './scripts.ts';

/** Changes of the manual banner kept for the audit list; the domain stream keeps them too, among the rest. */
const HISTORY_MAXLEN = 1000;

export function parseManualBanner(raw: string): ManualBanner {
  const b = JSON.parse(raw) as ManualBanner;
  return { ...b, link: b.link ?? null, endsAt: b.endsAt ?? null };
}

/** The banner as read, with its stored text for a compare-and-set write. */
export interface StoredBanner {
  banner: ManualBanner;
  raw: string;
}

/**
 * The admin's manual banner: one JSON string, changed together with its audit event (lua/banner-write.lua) on
 * the domain stream and on a short history stream of its own, which the audit list reads without scanning the
 * domain stream. The public rendering reads the banner in its own atomic read (lua/read-public-state.lua), so a
 * change shows on the next rendering.
 */
export class ManualBannerStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CommsKeys,
    private readonly opts: { eventStreamMaxLen: number },
  ) {
    scripts.install(redis);
  }

  async get(): Promise<ManualBanner | null> {
    return (await this.read())?.banner ?? null;
  }

  async read(): Promise<StoredBanner | null> {
    const raw = await this.redis.get(this.keys.manualBanner);
    return raw ? { raw, banner: parseManualBanner(raw) } : null;
  }

  /**
   * Replaces the banner read as `expected` (null: none) by `next` (null: clears it) and appends `event`, all or
   * nothing; false when the banner changed since it was read.
   */
  async write(
    expected: StoredBanner | null,
    next: ManualBanner | null,
    event: EventEnvelope<unknown>,
  ): Promise<boolean> {
    const reply = await scripts.run(
      this.redis,
      'bannerWrite',
      [this.keys.manualBanner, this.keys.events, this.keys.manualBannerHistory],
      [
        expected?.raw ?? '',
        next ? JSON.stringify(next) : '',
        JSON.stringify(eventFields(event)),
        this.opts.eventStreamMaxLen,
        HISTORY_MAXLEN,
      ],
    );
    return Number(reply) === 1;
  }

  /** The banner's changes, newest first, from before the history entry `before` when given. */
  async history(first: number, before?: string): Promise<{ cursor: string; event: EventEnvelope }[]> {
    const entries = await this.redis.xrevrange(
      this.keys.manualBannerHistory,
      before ? `(${before}` : '+',
      '-',
      'COUNT',
      first,
    );
    return entries.map(([cursor, fields]) => ({ cursor, event: envelopeFromFields(fields) }));
  }
}
