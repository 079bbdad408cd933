import { randomUUID } from 'node:crypto';
import type { Logger, Redis } from '@polystatus/kit';
import { SYSTEM_ACTOR } from '../domain/events.ts';
import { nextAutomaticStep } from '../domain/maintenance.ts';
import { Lease } from '../store/lease.ts';
import type { CommsDeps } from './deps.ts';
import { backfillReminders, remindMaintenance } from './maintenance-reminders.ts';
import { moveMaintenance } from './maintenances.ts';

export interface SchedulerSettings {
  /** How often every replica looks for work (only the lease holder acts). */
  intervalMs: number;
  /** How long before a maintenance starts its subscribers are reminded; 0: no reminders. */
  reminderLeadMs: number;
}

/** Maintenances moved per tick at most; the rest wait for the next tick. */
const BATCH = 50;
/** The page changes with time alone (the recent-incidents window, today's uptime bar): re-render this often. */
const RERENDER_MS = 60_000;

/**
 * Moves maintenances on their own at their times (scheduled → in progress at `scheduledFor`, → completed at
 * `scheduledUntil`), each step a public update, and sends each one's reminder `reminderLeadMs` before it starts
 * (service/maintenance-reminders.ts). Every replica ticks, but only the holder of the scheduler lease
 * acts, so a step is taken once. The lease lasts three ticks: a dead holder is replaced within that.
 */
export class MaintenanceScheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | null = null;
  private lastRender = 0;
  /** Whether this process, holding the lease, has backfilled the reminder index (once per start). */
  private backfilled = false;
  private readonly lease: Lease;

  constructor(
    redis: Redis,
    private readonly deps: CommsDeps,
    private readonly log: Logger,
    private readonly settings: SchedulerSettings,
  ) {
    this.lease = new Lease(redis, deps.store.keys.schedulerLease, randomUUID(), settings.intervalMs * 3);
  }

  start(): void {
    this.timer = setInterval(() => {
      if (!this.ticking) this.ticking = this.tick().finally(() => (this.ticking = null));
    }, this.settings.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** One pass; exported for tests that drive time themselves. */
  async tick(): Promise<void> {
    try {
      if (!(await this.lease.hold())) return;
      const now = this.deps.clock();
      await this.remind(now);
      const due = await this.deps.store.dueMaintenanceIds(now, BATCH);
      for (const m of await this.deps.store.maintenances(due)) {
        const step = m && nextAutomaticStep(m);
        if (!m || !step || step.at > now) continue;
        await moveMaintenance(this.deps, m.id, step.to, { actor: SYSTEM_ACTOR, automatic: true });
        this.lastRender = now;
      }
      if (now - this.lastRender >= RERENDER_MS) {
        this.lastRender = now;
        await this.deps.publicPage.requestRender();
      }
    } catch (err) {
      this.log.warn({ err }, 'maintenance scheduler tick failed; next tick retries');
    }
  }

  /** Reminders first: one due now must go out before its maintenance could start in the same tick. */
  private async remind(now: number): Promise<void> {
    const lead = this.settings.reminderLeadMs;
    if (lead <= 0) return;
    if (!this.backfilled) {
      const added = await backfillReminders(this.deps, lead);
      if (added > 0) this.log.info({ added }, 'maintenance reminders backfilled');
      this.backfilled = true;
    }
    for (const id of await this.deps.store.pendingReminderIds(now + lead, BATCH)) {
      const outcome = await remindMaintenance(this.deps, id, lead);
      if (outcome === 'busy')
        this.log.warn({ maintenanceId: id }, 'maintenance reminder kept losing to edits');
    }
  }
}
