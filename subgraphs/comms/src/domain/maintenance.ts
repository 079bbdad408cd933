import { MAINTENANCE_STATUSES } from '@polystatus/contracts';

export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];
export { MAINTENANCE_STATUSES };

export interface MaintenanceUpdate {
  status: MaintenanceStatus;
  message: string;
  at: number;
  authorId: string;
}

export interface Maintenance {
  id: string;
  name: string;
  message: string;
  status: MaintenanceStatus;
  componentIds: string[];
  scheduledFor: number;
  scheduledUntil: number;
  startedAt: number | null;
  completedAt: number | null;
  createdAt: number;
  updatedAt: number;
  updates: MaintenanceUpdate[];
  /**
   * The `scheduledFor` the subscribers were last reminded of (absent: never reminded). The reminder's
   * idempotency mark, written with its event: one reminder per start time, and a moved maintenance reminds again.
   */
  remindedFor?: number | null;
}

/** Moves a person may make; `completed` is final. Going back from verifying to in_progress is allowed (a check failed). */
const MANUAL: Record<MaintenanceStatus, readonly MaintenanceStatus[]> = {
  scheduled: ['in_progress', 'completed'],
  in_progress: ['verifying', 'completed'],
  verifying: ['in_progress', 'completed'],
  completed: [],
};

export const canMove = (from: MaintenanceStatus, to: MaintenanceStatus): boolean => MANUAL[from].includes(to);

/**
 * The step the scheduler takes on its own, and when: a scheduled window starts at `scheduledFor`, and one in
 * progress or being verified completes at `scheduledUntil`. Null when nothing is left to do.
 */
export function nextAutomaticStep(m: Pick<Maintenance, 'status' | 'scheduledFor' | 'scheduledUntil'>): {
  to: MaintenanceStatus;
  at: number;
} | null {
  if (m.status === 'scheduled') return { to: 'in_progress', at: m.scheduledFor };
  if (m.status === 'in_progress' || m.status === 'verifying')
    return { to: 'completed', at: m.scheduledUntil };
  return null;
}

/**
 * What the scheduler does about the reminder `leadMs` before a maintenance starts, at `now`:
 * - `due`: send it now;
 * - `later`: not yet (the reminder window has not opened);
 * - `never`: nothing left to remind of: the maintenance is no longer scheduled or has reached its start (a
 *   scheduler that was down does not remind after the fact), this start time was already reminded of, or it was
 *   created inside the window (the "scheduled" mail, seconds old, already says it starts soon).
 */
export function reminderDecision(
  m: Pick<Maintenance, 'status' | 'scheduledFor' | 'createdAt' | 'remindedFor'>,
  now: number,
  leadMs: number,
): 'due' | 'later' | 'never' {
  if (m.status !== 'scheduled' || now >= m.scheduledFor) return 'never';
  if (m.remindedFor === m.scheduledFor) return 'never';
  const at = m.scheduledFor - leadMs;
  if (m.createdAt > at) return 'never';
  return now >= at ? 'due' : 'later';
}

/** The message of an automatic step, shown on the public page as the maintenance's update. */
export const AUTOMATIC_MESSAGES: Record<MaintenanceStatus, string> = {
  scheduled: 'The maintenance is scheduled.',
  in_progress: 'The scheduled maintenance is in progress.',
  verifying: 'The maintenance is being verified.',
  completed: 'The scheduled maintenance has been completed.',
};

/** Longest maintenance window: a year. Longer ones are a typo in the end date. */
export const MAX_WINDOW_MS = 366 * 24 * 3600 * 1000;
