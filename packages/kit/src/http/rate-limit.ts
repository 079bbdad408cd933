/**
 * A token bucket per client: `perSecond` tokens flow in continuously up to `burst`; each request takes one (the
 * request rate limit) or as many as it costs (the GraphQL cost budget, cost-budget.ts).
 * In memory, per gateway process: with N gateway replicas a client gets N times the rate, which is acceptable
 * for a limit whose job is to stop one runaway script, not to meter usage.
 */
export interface RateLimiterOptions {
  perSecond: number;
  burst: number;
  /** Most clients tracked at once; the oldest idle ones are forgotten first (a full bucket carries no state). */
  maxClients?: number;
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(private readonly opts: RateLimiterOptions) {
    this.maxClients = opts.maxClients ?? 100_000;
    this.now = opts.now ?? (() => performance.now());
  }

  /** Takes `units` tokens (one request, or an operation's estimated cost) if the client's bucket holds them. */
  take(client: string, units = 1): RateDecision {
    const now = this.now();
    const { perSecond, burst } = this.opts;
    const bucket = this.buckets.get(client);
    let tokens = burst;
    if (bucket) {
      tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      // Re-inserting keeps the Map in least-recently-seen order, so eviction below drops idle clients.
      this.buckets.delete(client);
    }
    if (tokens < units) {
      this.buckets.set(client, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((units - tokens) / perSecond)) };
    }
    this.buckets.set(client, { tokens: tokens - units, at: now });
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return { allowed: true };
  }

  get trackedClients(): number {
    return this.buckets.size;
  }
}
