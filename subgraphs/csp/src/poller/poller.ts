import { randomUUID } from 'node:crypto';
import type { Logger } from '@polystatus/kit';
import { mayPoll } from '../domain/circuit.ts';
import { nextPollAt } from '../domain/schedule.ts';
import type { CspDeps } from '../service/deps.ts';
import { linkDueEvents } from '../service/link-incidents.ts';
import { refreshProvider } from '../service/refresh-provider.ts';

export interface PollerOptions {
  tickMs: number;
  leaseTtlMs: number;
  jitter: number;
  logger: Logger;
  /** This replica's name on its leases; unique per process. */
  holder?: string;
  random?: () => number;
}

/** The lease of the one replica that opens incidents and copies upstream updates. */
export const LINKER_LEASE = 'incident-linker';

/**
 * Polls the enabled providers whose lease this replica holds, each on its own interval with jitter, and runs the
 * incident linker while it holds that lease. Every tick renews the leases it has and claims free ones, so when a
 * replica dies its providers move to another within `leaseTtlMs`. A tick never waits for a poll: a slow feed
 * delays only itself, never the lease renewals or the other providers.
 */
export class Poller {
  readonly holder: string;
  private readonly due = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private held = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: CspDeps,
    private readonly opts: PollerOptions,
  ) {
    this.holder = opts.holder ?? `csp-${randomUUID()}`;
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      this.running = this.tick()
        .catch((err) => this.opts.logger.warn({ err }, 'poller tick failed; retrying next tick'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.opts.tickMs);
        });
    };
    loop();
  }

  /** Stops ticking, waits for polls in flight, and hands the leases back so another replica takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.settled();
    await this.deps.leases.release([...this.held], this.holder).catch(() => {});
    this.held.clear();
  }

  /** Resolves once no poll or linker pass started by a tick is still running. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** The providers (and `incident-linker`) this replica polls now. */
  get leases(): ReadonlySet<string> {
    return this.held;
  }

  async tick(): Promise<void> {
    const now = this.deps.clock();
    const providers = (await this.deps.providers.all()).filter((p) => p.provider.enabled);
    const names = [...providers.map((p) => p.provider.id), LINKER_LEASE];
    this.held = await this.deps.leases.claim(names, this.holder, this.opts.leaseTtlMs);
    for (const id of this.due.keys()) if (!this.held.has(id)) this.due.delete(id);

    for (const { provider } of providers) {
      if (!this.held.has(provider.id) || this.inFlight.has(provider.id)) continue;
      // A provider new to this replica carries on from its last poll (another replica's, perhaps).
      let at = this.due.get(provider.id);
      if (at === undefined) {
        const last = provider.health.lastPollAt;
        at =
          last === null
            ? now
            : nextPollAt(last, provider.intervalSeconds, this.opts.jitter, this.opts.random);
        this.due.set(provider.id, at);
      }
      if (now < at || !mayPoll(provider.health, now)) continue;
      this.run(
        provider.id,
        () => refreshProvider(this.deps, provider.id),
        (result) => {
          this.due.set(
            provider.id,
            nextPollAt(this.deps.clock(), provider.intervalSeconds, this.opts.jitter, this.opts.random),
          );
          if (result.error)
            this.opts.logger.info(
              { provider: provider.id, error: result.error, circuit: result.circuit },
              'feed poll failed',
            );
        },
      );
    }
    if (this.held.has(LINKER_LEASE) && !this.inFlight.has(LINKER_LEASE)) {
      this.run(
        LINKER_LEASE,
        () => linkDueEvents(this.deps, this.opts.logger),
        () => {},
      );
    }
  }

  private run<T>(name: string, work: () => Promise<T>, after: (value: T) => void): void {
    this.inFlight.add(name);
    work()
      .then(after)
      .catch((err) => {
        // Redis trouble or a bug: try again on the next interval rather than hammering.
        this.opts.logger.warn({ err, job: name }, 'poller job failed');
        if (this.due.has(name)) this.due.set(name, this.deps.clock() + this.opts.tickMs * 10);
      })
      .finally(() => this.inFlight.delete(name));
  }
}
