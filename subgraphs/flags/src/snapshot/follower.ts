import { envelopeFromFields, type Logger, type Redis } from '@polystatus/kit';
import type { Flag } from '../domain/flag.ts';
import type { FlagSnapshot } from './snapshot.ts';

export interface FollowerSource {
  all(): Promise<Flag[]>;
  getMany(keys: readonly string[]): Promise<(Flag | null)[]>;
  eventsTail(): Promise<string>;
}

const BATCH = 500;
const BLOCK_MS = 5_000;
const RETRY_MS = 1_000;

/**
 * Keeps a snapshot current from `<prefix>:flags:events`: one XREAD BLOCK loop on its own connection (a blocked
 * read would hold up every other command on a shared one). Each batch of events is turned into one pipelined
 * read of the flags they name, so a burst of toggles costs one round trip. Every process follows the whole
 * stream (no consumer group): each replica needs every change. After any failure (a lost connection, Redis
 * restarted) it reloads everything rather than guess what it missed while it was not reading.
 */
export class SnapshotFollower {
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly snapshot: FlagSnapshot,
    private readonly source: FollowerSource,
    private readonly blocking: Redis,
    private readonly eventsKey: string,
    private readonly logger: Logger,
  ) {}

  /** Loads every flag; the stream position is read first, so a change made during the load is replayed after. */
  async load(): Promise<void> {
    const position = await this.source.eventsTail();
    this.snapshot.replaceAll(await this.source.all(), position);
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.blocking.disconnect();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.step();
      } catch (err) {
        if (this.stopped) return;
        this.logger.warn({ err: (err as Error).message }, 'flag snapshot follower failed; reloading');
        await new Promise((r) => setTimeout(r, RETRY_MS));
        await this.load().catch(() => {});
      }
    }
  }

  private async step(): Promise<void> {
    const reply = (await this.blocking.xread(
      'COUNT',
      BATCH,
      'BLOCK',
      BLOCK_MS,
      'STREAMS',
      this.eventsKey,
      this.snapshot.streamPosition,
    )) as [string, [string, string[]][]][] | null;
    const entries = reply?.[0]?.[1] ?? [];
    if (entries.length === 0) return;
    const keys = [...new Set(entries.map(([, fields]) => envelopeFromFields(fields).subject))];
    const flags = await this.source.getMany(keys);
    for (const flag of flags) if (flag) this.snapshot.apply(flag);
    this.snapshot.advanceTo(entries[entries.length - 1]![0]);
  }
}
