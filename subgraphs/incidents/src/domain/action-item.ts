/** Tracked action items: born of an incident (directly or from a postmortem), then followed on their own. */
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** Statuses in which an item is still owed: only these can be overdue. */
export const PENDING_STATUSES: readonly ActionItemStatus[] = ['open', 'in_progress'];

export interface ActionItem {
  id: string;
  /** Creation order across all items: the score of every action item index. */
  seq: number;
  incidentId: string;
  text: string;
  ownerId: string | null;
  /** Epoch ms. */
  dueDate: number | null;
  status: ActionItemStatus;
  createdById: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** A due date in the past and still owed. Evaluated at read time, so an item becomes overdue without a write. */
export const isOverdue = (item: Pick<ActionItem, 'dueDate' | 'status'>, now: number): boolean =>
  item.dueDate !== null && item.dueDate < now && PENDING_STATUSES.includes(item.status);
