import { COMMS_EVENTS, commsEvent, SYSTEM_ACTOR } from '../domain/events.ts';
import { type Maintenance, reminderDecision } from '../domain/maintenance.ts';
import type { CommsDeps } from './deps.ts';
import { eventBase } from './maintenances.ts';

const CAS_ATTEMPTS = 5;
/** Maintenances read per page while backfilling. */
const BACKFILL_PAGE = 200;

export type ReminderOutcome = 'sent' | 'later' | 'dropped' | 'busy';

/**
 * Sends the reminder of one maintenance from the reminder index if it is due (`reminderDecision`), as the
 * `maintenance.reminder` event the notification triggers fan out to subscribers. The event, the mark on the
 * record (`remindedFor`) and the removal from the index are one compare-and-set script: two schedulers (a lease
 * changing hands mid-tick) or a restart between the event and the mark cannot remind twice, since the loser's
 * write finds the record changed and, reading it again, the mark already there. A maintenance with nothing left
 * to remind of leaves the index by the same kind of write, so an edit landing meanwhile (which puts it back
 * at its new time) is never undone.
 */
export async function remindMaintenance(
  deps: CommsDeps,
  id: string,
  leadMs: number,
): Promise<ReminderOutcome> {
  const k = deps.store.keys;
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = await deps.store.maintenance(id);
    // Maintenances are never deleted; an index entry without a record is debris, safe to drop as it is.
    if (!current) {
      await deps.store.dropReminder(id);
      return 'dropped';
    }
    const m = current.record;
    const now = deps.clock();
    const decision = reminderDecision(m, now, leadMs);
    if (decision === 'later') return 'later';
    const next: Maintenance = decision === 'due' ? { ...m, remindedFor: m.scheduledFor } : m;
    const outcome = await deps.store.casWrite({
      key: k.maintenance(id),
      expected: current.raw,
      value: next,
      zrem: [[k.maintenanceReminders, id]],
      ...(decision === 'due'
        ? {
            event: commsEvent(
              COMMS_EVENTS.maintenanceReminder,
              SYSTEM_ACTOR,
              id,
              {
                ...eventBase(m),
                status: 'scheduled',
                startsInMinutes: Math.ceil((m.scheduledFor - now) / 60_000),
              },
              now,
            ),
          }
        : {}),
      now,
      actor: SYSTEM_ACTOR,
    });
    if (outcome !== 'conflict') return decision === 'due' ? 'sent' : 'dropped';
  }
  return 'busy';
}

/**
 * Puts back in the reminder index the upcoming maintenances that still owe a reminder and are not in it: those
 * scheduled before reminders existed (the index is filled when a maintenance is scheduled or moved, so older
 * records never entered it). Run by the scheduler's lease holder when it starts. Idempotent and safe against
 * concurrent writes: entries are added only where missing (an edit's newer entry is kept), and sending still goes
 * through `remindMaintenance`'s compare-and-set on the record, which drops an entry whose reminder went out
 * meanwhile rather than sending it twice. Returns how many entries it added.
 */
export async function backfillReminders(deps: CommsDeps, leadMs: number): Promise<number> {
  let added = 0;
  const now = deps.clock();
  for (let offset = 0; ; offset += BACKFILL_PAGE) {
    const ids = await deps.store.upcomingMaintenanceIds(now, offset, BACKFILL_PAGE);
    const owed = (await deps.store.maintenances(ids)).filter(
      (m): m is Maintenance => m !== null && reminderDecision(m, now, leadMs) !== 'never',
    );
    added += await deps.store.addMissingReminders(owed.map((m) => ({ id: m.id, at: m.scheduledFor })));
    if (ids.length < BACKFILL_PAGE) return added;
  }
}
