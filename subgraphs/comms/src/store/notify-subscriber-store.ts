import type { Redis } from '@polystatus/kit';
import type { CommsKeys } from '../keys.ts';
import { notifyScripts } from './notify-scripts.ts';

export type SubscriptionStatus = 'pending' | 'confirmed';

/** One email subscription as stored in `notify:sub:<id>`. */
export interface Subscription {
  id: string;
  email: string;
  status: SubscriptionStatus;
  /** Empty: every component. */
  componentIds: string[];
  createdAt: number;
  confirmedAt: number | null;
}

export interface SubscribeOutcome {
  id: string;
  status: SubscriptionStatus;
  /** A confirmation mail must be queued (new or still pending, and none sent within the throttle window). */
  sendConfirmation: boolean;
}

function decode(h: Record<string, string>): Subscription | null {
  if (!h.id) return null;
  return {
    id: h.id,
    email: h.email ?? '',
    status: h.status === 'confirmed' ? 'confirmed' : 'pending',
    componentIds: JSON.parse(h.componentIds ?? '[]') as string[],
    createdAt: Number(h.createdAt),
    confirmedAt: h.confirmedAt ? Number(h.confirmedAt) : null,
  };
}

export class NotifySubscriberStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CommsKeys,
  ) {
    notifyScripts.install(redis);
  }

  async subscribe(input: {
    newId: string;
    email: string;
    emailKey: string;
    componentIds: string[];
    now: number;
    throttleMs: number;
  }): Promise<SubscribeOutcome> {
    const [id, status, send] = (await notifyScripts.run(
      this.redis,
      'subscribe',
      [this.keys.notifySubscriptionByEmail, this.keys.notifySubscription(input.newId)],
      [
        input.emailKey,
        input.newId,
        input.email,
        JSON.stringify(input.componentIds),
        input.now,
        this.keys.notifySubscription(''),
        this.keys.notifyConfirmSent(''),
        input.throttleMs,
      ],
    )) as [string, SubscriptionStatus, number];
    return { id, status, sendConfirmation: send === 1 };
  }

  /** The subscription after confirming, or null when it no longer exists. */
  async confirm(id: string, now: number): Promise<Subscription | null> {
    const status = await notifyScripts.run(
      this.redis,
      'confirm',
      [this.keys.notifySubscription(id), this.keys.notifyConfirmedSubscriptions],
      [id, now],
    );
    return status ? this.get(id) : null;
  }

  /** True when it existed. */
  async unsubscribe(id: string): Promise<boolean> {
    const removed = await notifyScripts.run(
      this.redis,
      'unsubscribe',
      [
        this.keys.notifySubscription(id),
        this.keys.notifyConfirmedSubscriptions,
        this.keys.notifySubscriptionByEmail,
        this.keys.notifyConfirmSent(id),
      ],
      [id],
    );
    return removed === 1;
  }

  async get(id: string): Promise<Subscription | null> {
    return decode(await this.redis.hgetall(this.keys.notifySubscription(id)));
  }

  async isConfirmed(id: string): Promise<boolean> {
    return (await this.redis.hget(this.keys.notifySubscription(id), 'status')) === 'confirmed';
  }

  /**
   * Confirmed subscriptions, a batch at a time (ZSCAN: each one confirmed throughout the walk is seen at least
   * once; a repeat is harmless since every send is deduplicated per recipient and event). `cursor` '0' starts
   * and, returned, ends the walk.
   */
  async confirmedBatch(cursor: string, count: number): Promise<{ items: Subscription[]; cursor: string }> {
    const [next, raw] = await this.redis.zscan(
      this.keys.notifyConfirmedSubscriptions,
      cursor,
      'COUNT',
      count,
    );
    const pipe = this.redis.pipeline();
    for (let i = 0; i < raw.length; i += 2) pipe.hgetall(this.keys.notifySubscription(raw[i]!));
    const rows = (await pipe.exec()) ?? [];
    const items = rows.flatMap(([, h]) => {
      const s = decode(h as Record<string, string>);
      return s?.status === 'confirmed' ? [s] : [];
    });
    return { items, cursor: next };
  }
}
