import { describe, expect, it } from 'vitest';
import { reminderDecision } from './maintenance.ts';

const HOUR = 3_600_000;
const T = Date.UTC(2030, 0, 1, 12);
/** Scheduled a day ahead of its start at noon, never reminded. */
const m = { status: 'scheduled' as const, scheduledFor: T, createdAt: T - 24 * HOUR, remindedFor: undefined };

describe('reminderDecision', () => {
  it('waits until the lead before the start, then is due until the start', () => {
    expect(reminderDecision(m, T - HOUR - 1, HOUR)).toBe('later');
    expect(reminderDecision(m, T - HOUR, HOUR)).toBe('due');
    expect(reminderDecision(m, T - 1, HOUR)).toBe('due');
  });

  it('never reminds at or after the start: a scheduler that was down does not remind after the fact', () => {
    expect(reminderDecision(m, T, HOUR)).toBe('never');
  });

  it('reminds once per start time: a moved maintenance is due again at its new time', () => {
    expect(reminderDecision({ ...m, remindedFor: T }, T - 10, HOUR)).toBe('never');
    const moved = { ...m, scheduledFor: T + 2 * HOUR, remindedFor: T };
    expect(reminderDecision(moved, T - 10, HOUR)).toBe('later');
    expect(reminderDecision(moved, T + HOUR, HOUR)).toBe('due');
  });

  it('never reminds of a maintenance that is no longer scheduled', () => {
    for (const status of ['in_progress', 'verifying', 'completed'] as const)
      expect(reminderDecision({ ...m, status }, T - 10, HOUR)).toBe('never');
  });

  it('does not repeat the "scheduled" mail of a maintenance created inside the window', () => {
    expect(reminderDecision({ ...m, createdAt: T - HOUR / 2 }, T - HOUR / 4, HOUR)).toBe('never');
    expect(reminderDecision({ ...m, createdAt: T - HOUR }, T - HOUR / 4, HOUR)).toBe('due');
  });
});
