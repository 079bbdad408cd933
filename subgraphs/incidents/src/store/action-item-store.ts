import type { Redis } from '@polystatus/kit';
import type { ActionItem, ActionItemStatus } from '../domain/action-item.ts';
import type { IncidentsKeys } from '../keys.ts';
import { exec, type ListResult } from './incident-store.ts';
import { scripts } from './scripts.ts';

/** The fields of an action item hash, in the order reads ask for them. */
const ITEM_FIELDS = [
  'id',
  'seq',
  'incidentId',
  'text',
  'ownerId',
  'dueDate',
  'status',
  'createdById',
  'createdAt',
  'updatedAt',
  'version',
] as const;

export interface ActionItemFilter {
  ownerId?: string;
  status?: ActionItemStatus;
  overdue?: boolean;
  incidentId?: string;
}

export interface ActionItemListRequest {
  filter: ActionItemFilter;
  before: number | null;
  limit: number;
  /** Epoch ms: what "overdue" is measured against. */
  now: number;
}

function decodeActionItem(v: readonly (string | null)[]): ActionItem | null {
  const [id, seq, incidentId, text, ownerId, dueDate, status, createdById, createdAt, updatedAt, version] = v;
  if (!id) return null;
  return {
    id,
    seq: Number(seq),
    incidentId: incidentId ?? '',
    text: text ?? '',
    ownerId: ownerId || null,
    dueDate: dueDate ? Number(dueDate) : null,
    status: status as ActionItemStatus,
    createdById: createdById ?? '',
    createdAt: Number(createdAt),
    updatedAt: Number(updatedAt),
    version: Number(version),
  };
}

/**
 * Reads of tracked action items. Their writes are incident writes (store/incident-store.ts): each records a
 * timeline entry and an event of the item's incident in the same script.
 */
export class ActionItemStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: IncidentsKeys,
    private readonly scanBudget: number,
  ) {
    scripts.install(redis);
  }

  async getMany(ids: readonly string[]): Promise<(ActionItem | null)[]> {
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hmget(this.keys.actionItem(id), ...ITEM_FIELDS);
    return (await exec(pipe)).map((r) => decodeActionItem(r as (string | null)[]));
  }

  /** Several lists (one per incident or owner asking) in one round trip. */
  async list(requests: readonly ActionItemListRequest[]): Promise<ListResult[]> {
    const pipe = this.redis.pipeline();
    for (const r of requests) {
      const payload = {
        all: this.keys.actionItemsAll,
        item: this.keys.actionItem(''),
        before: r.before === null ? null : String(r.before),
        limit: r.limit,
        budget: this.scanBudget,
        now: r.now,
        overdue: r.filter.overdue ?? null,
      };
      void scripts.run(pipe, 'listActionItems', this.indexesFor(r.filter), [JSON.stringify(payload)]);
    }
    return (await exec(pipe)).map((raw) => {
      const reply = raw as string[];
      const entries: ListResult['entries'] = [];
      for (let i = 2; i + 1 < reply.length; i += 2)
        entries.push({ id: reply[i]!, seq: Number(reply[i + 1]) });
      return { entries, hasMore: reply[0] === '1', resumeBelow: reply[1] ? Number(reply[1]) : null };
    });
  }

  /** Overdue items are pending ones, so that filter walks the pending index and checks each due date. */
  private indexesFor(f: ActionItemFilter): string[] {
    const out: string[] = [];
    if (f.incidentId) out.push(this.keys.actionItemsByIncident(f.incidentId));
    if (f.ownerId) out.push(this.keys.actionItemsByOwner(f.ownerId));
    if (f.status) out.push(this.keys.actionItemsByStatus(f.status));
    if (f.overdue === true) out.push(this.keys.actionItemsPending);
    return out;
  }
}
