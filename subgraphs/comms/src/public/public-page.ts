import { setTimeout as sleep } from 'node:timers/promises';
import type { PublicSnapshot } from '@polystatus/contracts';
import type { Logger } from '@polystatus/kit';
import type { PublicStateStore } from './public-state.ts';
import { bannerOf } from './render/banner.ts';
import { renderDocuments } from './render/documents.ts';
import { buildView, type PageSettings } from './render/view.ts';

/** Renderings lost to another replica's in a row before giving up until the next request. */
const MAX_RACES = 5;
const RETRY_AFTER_FAILURE_MS = 1_000;
/** Renderings start at least this far apart (COMMS_RENDER_INTERVAL_MS). */
export const DEFAULT_MIN_INTERVAL_MS = 250;
/** setTimeout's ceiling is about 24.8 days; a later change is re-armed by the renderings in between. */
const MAX_TIMER_MS = 86_400_000;

/**
 * The public page, rendered on write: each change asks for a rendering, and the page is rebuilt from one
 * consistent read of the domain's state, then stored with its version (the published snapshot key) and
 * announced on the comms stream (`public_status.changed`), where the public read path picks it up.
 *
 * One rendering at a time per process, and renderings start at least `minIntervalMs` apart: requests arriving
 * while one runs, or within the interval after it started, fold into a single next one, which always follows
 * (the trailing rendering). A change after a quiet spell renders at once; during a burst (a mass import feeding
 * the incidents consumer, a script editing components) the page is rebuilt about four times a second instead of
 * once per change or per consumer batch, and any change shows within the interval plus one rendering. Across
 * replicas the store refuses a rendering older than the stored one, and the loser renders again from a fresh read.
 */
export class PublicPage {
  private running: Promise<void> | null = null;
  private dirty = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private timeTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** When the last rendering started (monotonic ms): the interval is real time, whatever the domain's clock. */
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly state: Pick<PublicStateStore, 'read' | 'store' | 'current'>,
    private readonly settings: PageSettings,
    private readonly clock: () => number,
    private readonly log: Logger,
    private readonly minIntervalMs = DEFAULT_MIN_INTERVAL_MS,
  ) {}

  /** Resolves once a rendering that started after this call has been stored (or has failed and been logged). */
  requestRender(): Promise<void> {
    this.dirty = true;
    if (!this.running) {
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** The stored snapshot (what the public read path serves), or null before the first rendering. */
  current(): Promise<PublicSnapshot | null> {
    return this.state.current();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.timeTimer);
    await this.running;
  }

  private async loop(): Promise<void> {
    while (this.dirty && !this.stopped) {
      const wait = this.lastStart + this.minIntervalMs - performance.now();
      // Changes arriving during the wait set `dirty` again and are folded into this rendering.
      if (wait > 0) await sleep(wait);
      if (this.stopped) return;
      this.dirty = false;
      this.lastStart = performance.now();
      try {
        await this.renderOnce();
      } catch (err) {
        // The change itself is committed; only its public rendering is late. Try again shortly.
        this.log.warn({ err }, 'public page rendering failed; retrying');
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.requestRender(), RETRY_AFTER_FAILURE_MS);
        this.retryTimer.unref();
        return;
      }
    }
  }

  private async renderOnce(): Promise<void> {
    for (let race = 0; race < MAX_RACES; race++) {
      const now = this.clock();
      const state = await this.state.read(now);
      const view = buildView(state, this.settings, now);
      const banner = bannerOf(view);
      const snapshot: PublicSnapshot = {
        version: view.version,
        renderedAt: new Date(now).toISOString(),
        documents: renderDocuments(view, banner),
      };
      const status = { indicator: view.indicator, description: view.description };
      if (await this.state.store(state.seq, snapshot, status, now)) {
        this.renderAgainAt(banner.nextChangeAt, now);
        return;
      }
    }
    throw new Error(`lost ${MAX_RACES} rendering races in a row`);
  }

  /**
   * The banner changes with time alone (an all-clear expiring, a manual banner starting or ending): the replica
   * that stored a rendering renders again at the next such time, to the second. Every replica that rendered arms
   * its own timer; the extra renderings are identical, and the scheduler's once-a-minute rendering covers a
   * replica that died meanwhile.
   */
  private renderAgainAt(at: number | null, now: number): void {
    clearTimeout(this.timeTimer);
    if (at === null || this.stopped) return;
    const delay = Math.min(Math.max(0, at - now) + 5, MAX_TIMER_MS);
    this.timeTimer = setTimeout(() => void this.requestRender(), delay);
    this.timeTimer.unref();
  }
}
