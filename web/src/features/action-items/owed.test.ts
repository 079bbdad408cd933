import { describe, expect, it } from 'vitest';
import { groupOwed } from './owed.ts';

const item = (
  id: string,
  status: string,
  overdue: boolean,
  dueDate: string | null,
  updatedAt = '2026-01-01',
) => ({
  id,
  status,
  overdue,
  dueDate,
  updatedAt,
});

describe('groupOwed', () => {
  it('puts overdue items first, then what is still to do by due date, then the closed ones', () => {
    const owed = groupOwed([
      [item('late-1', 'OPEN', true, '2026-01-05'), item('late-0', 'IN_PROGRESS', true, '2026-01-02')],
      [
        item('soon', 'OPEN', false, '2026-02-01'),
        item('undated', 'OPEN', false, null),
        item('sooner', 'OPEN', false, '2026-01-20'),
      ],
      [
        item('done-old', 'DONE', false, null, '2026-01-03'),
        item('done-new', 'WONT_DO', false, null, '2026-01-09'),
      ],
    ]);
    expect(owed.overdue.map((i) => i.id)).toEqual(['late-0', 'late-1']);
    expect(owed.todo.map((i) => i.id)).toEqual(['sooner', 'soon', 'undated']);
    expect(owed.closed.map((i) => i.id)).toEqual(['done-new', 'done-old']);
  });

  it('counts an item found in two lists once, by its current status', () => {
    // Fetched as overdue, then marked done on the page: the same entity, now closed.
    const moved = item('a', 'DONE', false, '2026-01-01');
    const owed = groupOwed([[moved], [moved], undefined]);
    expect(owed.overdue).toEqual([]);
    expect(owed.todo).toEqual([]);
    expect(owed.closed.map((i) => i.id)).toEqual(['a']);
  });
});
