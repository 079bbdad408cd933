import type { Redis, Sealer } from '@polystatus/kit';
import type { CommsKeys } from '../keys.ts';

export type WebhookStatus = 'active' | 'disabled';

/** A signing secret as stored: sealed (AES-256-GCM, the endpoint id as associated data) and when it stops. */
interface StoredSecret {
  sealed: string;
  createdAt: number;
  /** Null while it is the current secret; set on the previous one when a rotation starts its grace period. */
  expiresAt: number | null;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  status: WebhookStatus;
  disabledReason: string | null;
  disabledAt: number | null;
  createdAt: number;
  createdBy: string;
  /** First failure since the last success; null while deliveries succeed. */
  failingSince: number | null;
}

/** One attempt in the endpoint's delivery log. */
export interface DeliveryAttempt {
  /** Stream entry id: orders the log and pages it. */
  id: string;
  at: number;
  messageId: string;
  eventType: string;
  attempt: number;
  /** HTTP status, or null when no answer came (timeout, refused, unreachable). */
  statusCode: number | null;
  latencyMs: number;
  outcome: 'delivered' | 'retrying' | 'failed' | 'disabled';
  error: string | null;
  manual: boolean;
}

/** A stored webhook message: what is signed and sent, kept for manual redelivery. */
export interface WebhookMessage {
  id: string;
  eventType: string;
  body: string;
}

const num = (v: string | undefined) => (v ? Number(v) : null);

function decode(h: Record<string, string>): WebhookEndpoint | null {
  if (!h.id) return null;
  return {
    id: h.id,
    url: h.url ?? '',
    description: h.description || null,
    status: h.status === 'disabled' ? 'disabled' : 'active',
    disabledReason: h.disabledReason || null,
    disabledAt: num(h.disabledAt),
    createdAt: Number(h.createdAt),
    createdBy: h.createdBy ?? '',
    failingSince: num(h.failingSince),
  };
}

/**
 * Webhook endpoints, their sealed secrets, their delivery logs and the messages sent to them. Secrets are sealed
 * before they reach Redis and opened only by the delivery worker, so a Redis dump alone cannot forge our
 * signatures.
 */
export class NotifyWebhookStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CommsKeys,
    private readonly sealer: Sealer,
    private readonly opts: { logMaxLen: number; messageTtlMs: number },
  ) {}

  async create(e: {
    id: string;
    url: string;
    description?: string | undefined;
    secret: string;
    createdBy: string;
    now: number;
  }): Promise<void> {
    const secrets: StoredSecret[] = [
      { sealed: this.sealer.seal(e.secret, e.id), createdAt: e.now, expiresAt: null },
    ];
    await this.redis
      .multi()
      .hset(this.keys.notifyWebhook(e.id), {
        id: e.id,
        url: e.url,
        ...(e.description ? { description: e.description } : {}),
        status: 'active',
        createdAt: e.now,
        createdBy: e.createdBy,
        secrets: JSON.stringify(secrets),
      })
      .zadd(this.keys.notifyWebhooks, e.now, e.id)
      .exec();
  }

  async get(id: string): Promise<WebhookEndpoint | null> {
    return decode(await this.redis.hgetall(this.keys.notifyWebhook(id)));
  }

  async list(): Promise<WebhookEndpoint[]> {
    const ids = await this.redis.zrange(this.keys.notifyWebhooks, '0', '-1');
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.keys.notifyWebhook(id));
    return ((await pipe.exec()) ?? []).flatMap(([, h]) => decode(h as Record<string, string>) ?? []);
  }

  async activeIds(): Promise<string[]> {
    return (await this.list()).filter((e) => e.status === 'active').map((e) => e.id);
  }

  /** The secrets valid at `now`, newest first, opened: every one signs each message. */
  async validSecrets(id: string, now: number): Promise<string[]> {
    const raw = await this.redis.hget(this.keys.notifyWebhook(id), 'secrets');
    const secrets = JSON.parse(raw ?? '[]') as StoredSecret[];
    return secrets
      .filter((s) => s.expiresAt === null || s.expiresAt > now)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((s) => this.sealer.open(s.sealed, id));
  }

  /**
   * Makes `secret` the current one; the previous current one stays valid until `now + graceMs`, so a receiver
   * can switch over with no failed delivery. Secrets already expired are dropped. WATCH/MULTI: two concurrent
   * rotations cannot both keep the same predecessor.
   */
  async rotate(id: string, secret: string, now: number, graceMs: number): Promise<boolean> {
    const key = this.keys.notifyWebhook(id);
    for (let tries = 0; tries < 5; tries++) {
      await this.redis.watch(key);
      const raw = await this.redis.hget(key, 'secrets');
      if (raw === null) {
        await this.redis.unwatch();
        return false;
      }
      const kept = (JSON.parse(raw) as StoredSecret[])
        .filter((s) => s.expiresAt === null || s.expiresAt > now)
        .map((s) => (s.expiresAt === null ? { ...s, expiresAt: now + graceMs } : s));
      kept.push({ sealed: this.sealer.seal(secret, id), createdAt: now, expiresAt: null });
      const done = await this.redis.multi().hset(key, 'secrets', JSON.stringify(kept)).exec();
      if (done) return true;
    }
    throw new Error(`webhook ${id}: secret rotation kept conflicting`);
  }

  async disable(id: string, reason: string, now: number): Promise<void> {
    await this.redis.hset(this.keys.notifyWebhook(id), {
      status: 'disabled',
      disabledReason: reason,
      disabledAt: now,
    });
  }

  /** Turns a disabled endpoint back on with a clean failure record. */
  async enable(id: string): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.notifyWebhook(id), 'status', 'active')
      .hdel(this.keys.notifyWebhook(id), 'disabledReason', 'disabledAt', 'failingSince')
      .exec();
  }

  async remove(id: string): Promise<boolean> {
    const [[, deleted] = [null, 0]] =
      (await this.redis
        .multi()
        .del(this.keys.notifyWebhook(id))
        .zrem(this.keys.notifyWebhooks, id)
        .del(this.keys.notifyWebhookLog(id))
        .exec()) ?? [];
    return deleted === 1;
  }

  /** Records a failure; returns when the endpoint started failing (this one if it was healthy). */
  async markFailing(id: string, now: number): Promise<number> {
    const key = this.keys.notifyWebhook(id);
    await this.redis.hsetnx(key, 'failingSince', String(now));
    return Number((await this.redis.hget(key, 'failingSince')) ?? now);
  }

  async markHealthy(id: string): Promise<void> {
    await this.redis.hdel(this.keys.notifyWebhook(id), 'failingSince');
  }

  async log(endpointId: string, a: Omit<DeliveryAttempt, 'id'>): Promise<void> {
    await this.redis.xadd(
      this.keys.notifyWebhookLog(endpointId),
      'MAXLEN',
      '~',
      this.opts.logMaxLen,
      '*',
      'entry',
      JSON.stringify(a),
    );
  }

  /** The log newest first, `limit` entries older than `before` (a stream id) when given. */
  async deliveries(endpointId: string, limit: number, before?: string): Promise<DeliveryAttempt[]> {
    const end = before ? `(${before}` : '+';
    const rows = await this.redis.xrevrange(this.keys.notifyWebhookLog(endpointId), end, '-', 'COUNT', limit);
    return rows.map(([id, fields]) => ({
      id,
      ...(JSON.parse(fields[1] ?? '{}') as Omit<DeliveryAttempt, 'id'>),
    }));
  }

  /** Stores a message once (the same body for every endpoint); repeated saves keep the first. */
  async saveMessage(m: WebhookMessage): Promise<void> {
    await this.redis.set(
      this.keys.notifyMessage(m.id),
      JSON.stringify(m),
      'PX',
      this.opts.messageTtlMs,
      'NX',
    );
  }

  async message(id: string): Promise<WebhookMessage | null> {
    const raw = await this.redis.get(this.keys.notifyMessage(id));
    return raw ? (JSON.parse(raw) as WebhookMessage) : null;
  }

  async wasSentTo(endpointId: string, messageId: string): Promise<boolean> {
    const rows = await this.deliveries(endpointId, this.opts.logMaxLen);
    return rows.some((r) => r.messageId === messageId);
  }
}
