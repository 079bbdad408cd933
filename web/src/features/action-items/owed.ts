/**
 * "What do I owe": the signed-in user's action items from several lists (overdue, open, in progress, recently
 * done) merged by id, then ordered so the most pressing lead: overdue first (the longest overdue at the top),
 * then the rest still to do by due date (undated last), then the closed ones, latest first. Grouping reads each
 * item's current status, so an item changed on this page moves at once.
 */
export interface OwedItem {
  id: string;
  status: string;
  overdue: boolean;
  dueDate?: string | null;
  updatedAt: string;
}

export interface Owed<T extends OwedItem> {
  overdue: T[];
  todo: T[];
  closed: T[];
}

const due = (i: OwedItem) => (i.dueDate ? Date.parse(i.dueDate) : Number.POSITIVE_INFINITY);

export function groupOwed<T extends OwedItem>(lists: ReadonlyArray<readonly T[] | undefined>): Owed<T> {
  const byId = new Map<string, T>();
  for (const list of lists) for (const item of list ?? []) byId.set(item.id, item);
  const all = [...byId.values()];
  const open = (i: T) => i.status === 'OPEN' || i.status === 'IN_PROGRESS';
  return {
    overdue: all.filter((i) => open(i) && i.overdue).sort((a, b) => due(a) - due(b)),
    todo: all.filter((i) => open(i) && !i.overdue).sort((a, b) => due(a) - due(b)),
    closed: all.filter((i) => !open(i)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
  };
}
