import { COMMS_EVENTS, COMMS_PUBLIC_KEYS, publicSnapshot } from '@polystatus/contracts';
import { createRedis, envelopeFromFields, type Logger, type RedisHandle } from '@polystatus/kit';
import type { SnapshotCache } from './snapshot-cache.ts';

const BLOCK_MS = 5_000;
/** A blocking read that has not come back this long after its block time means Redis stalled. */
const STALL_MS = 2_000;
const BACKOFF_MS = [200, 500, 1_000, 2_000, 5_000];

export interface FollowerOptions {
  redisUrl: string;
  keyPrefix: string;
  commandTimeoutMs: number;
  logger: Logger;
  /** How long one XREAD waits for news (default 5 s); a stall is noticed this plus 2 s after it began. */
  blockMs?: number;
}

/**
 * Keeps the cache on the newest public snapshot. It reads exactly two things the comms subgraph publishes for it
 * (packages/contracts `COMMS_PUBLIC_KEYS`): the snapshot key, and the comms event stream, where
 * `public_status.changed` says a new snapshot was stored. On start it notes the stream's end, then reads the
 * key, so no announcement between the two is missed. While Redis is unreachable the cache keeps serving what it
 * holds, marked stale; on reconnection the key is read again.
 */
export class SnapshotFollower {
  private readonly redis: RedisHandle;
  private readonly keys: ReturnType<typeof COMMS_PUBLIC_KEYS>;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly blockMs: number;

  constructor(
    private readonly cache: SnapshotCache,
    private readonly opts: FollowerOptions,
  ) {
    this.keys = COMMS_PUBLIC_KEYS(opts.keyPrefix);
    this.blockMs = opts.blockMs ?? BLOCK_MS;
    this.redis = createRedis({
      url: opts.redisUrl,
      name: 'rest-comms-snapshot',
      keyPrefix: opts.keyPrefix,
      commandTimeoutMs: opts.commandTimeoutMs,
      blocking: true,
      logger: opts.logger,
    });
    // A blocking connection queues commands while it reconnects instead of failing them: the socket's own
    // events are what tell that snapshots may have stopped arriving.
    this.redis.client.on('close', () => {
      this.cache.stale = true;
    });
  }

  start(): void {
    this.loop = this.run();
  }

  /** Resolves once a first snapshot is held (for tests and the benchmark); never rejects. */
  async ready(timeoutMs = 10_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (!this.cache.current && Date.now() < until) await sleep(20);
    return this.cache.current !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.redis.client.disconnect();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let lastId: string | null = null;
    while (!this.stopped) {
      // A stalled Redis neither answers nor closes the socket: a watchdog marks the snapshot stale meanwhile.
      const watchdog = setTimeout(() => {
        this.cache.stale = true;
      }, this.blockMs + STALL_MS);
      try {
        if (lastId === null) {
          const [last] = await this.redis.client.xrevrange(this.keys.events, '+', '-', 'COUNT', 1);
          lastId = last?.[0] ?? '0-0';
          await this.reload();
        }
        const reply = (await this.redis.client.xread(
          'COUNT',
          1000,
          'BLOCK',
          this.blockMs,
          'STREAMS',
          this.keys.events,
          lastId,
        )) as [string, [string, string[]][]][] | null;
        const entries = reply?.[0]?.[1] ?? [];
        if (entries.length > 0) lastId = entries.at(-1)![0];
        // Only the newest snapshot matters: one reload however many renderings were announced meanwhile.
        if (entries.some(([, f]) => envelopeFromFields(f).type === COMMS_EVENTS.publicStatusChanged))
          await this.reload();
        this.cache.stale = false;
        failures = 0;
      } catch (err) {
        if (this.stopped) return;
        this.cache.stale = true;
        this.opts.logger.warn({ err }, 'public snapshot: cannot follow; serving the last one held');
        lastId = null; // start over: note the end again and reload the key
        await sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!);
      } finally {
        clearTimeout(watchdog);
      }
    }
  }

  private async reload(): Promise<void> {
    const raw = await this.redis.client.get(this.keys.snapshot);
    if (raw) await this.cache.load(publicSnapshot.parse(JSON.parse(raw)));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
