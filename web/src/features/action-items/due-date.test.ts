import { describe, expect, it } from 'vitest';
import { dueDateToInstant, instantToDay } from './due-date.ts';

describe('due dates', () => {
  it('sends a day as its last second in local time, and reads it back as the same day', () => {
    const instant = dueDateToInstant('2026-03-14');
    expect(instant).not.toBeNull();
    const local = new Date(instant!);
    expect([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours()]).toEqual([
      2026, 2, 14, 23,
    ]);
    expect(instantToDay(instant!)).toBe('2026-03-14');
  });

  it('refuses what is not a calendar day', () => {
    expect(dueDateToInstant('')).toBeNull();
    expect(dueDateToInstant('14/03/2026')).toBeNull();
    expect(dueDateToInstant('2026-02-31')).toBeNull();
  });
});
