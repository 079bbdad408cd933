import { epochSeconds, epochSecondsOrNull } from '@polystatus/rest-kit';
import type * as Op from './generated/operations.ts';
import { FIELD_RENAMES, fromGraphEnum, isoFromEpochSeconds, toGraphEnum } from './mappers.ts';

/**
 * Tracked action items between the REST contract and the graph. (The postmortem's own `action_items` are the
 * items as a version recorded them: see `postmortemToRest` in mappers.ts.) Renames only; the incidents subgraph
 * decides what is valid.
 */

export type RestActionItemStatus = Lowercase<Op.ActionItemStatus>;

export interface RestTrackedActionItem {
  id: string;
  incident_id: string;
  text: string;
  owner: string | null;
  due_date: number | null;
  status: RestActionItemStatus;
  overdue: boolean;
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface ActionItemCreateBody {
  text: string;
  owner?: string | null;
  due_date?: number | null;
}

/** Absent fields stay as they are; `owner: null` and `due_date: null` clear them. */
export interface ActionItemPatchBody {
  text?: string;
  owner?: string | null;
  due_date?: number | null;
  status?: RestActionItemStatus;
  expected_version?: number;
}

export interface ListActionItemsQuery {
  owner?: string;
  status?: RestActionItemStatus;
  overdue?: boolean;
  incident_id?: string;
  limit: number;
  cursor?: string;
}

/** The list's filter arguments have REST names of their own (`owner`, `incident_id`, `cursor`). */
export const ACTION_ITEM_LIST_RENAMES = {
  ...FIELD_RENAMES,
  incidentId: 'incident_id',
  after: 'cursor',
} as const;

export function actionItemToRest(n: Op.ActionItemFieldsFragment): RestTrackedActionItem {
  return {
    id: n.id,
    incident_id: n.incidentId,
    text: n.text,
    owner: n.ownerId,
    due_date: epochSecondsOrNull(n.dueDate),
    status: fromGraphEnum(n.status),
    overdue: n.overdue,
    created_by: n.createdById,
    created_at: epochSeconds(n.createdAt),
    updated_at: epochSeconds(n.updatedAt),
    version: n.version,
  };
}

/** `null` stays `null` (clear), absent stays absent (unchanged), a number becomes an instant. */
const dueDateFromRest = (value: number | null | undefined) =>
  value == null ? value : isoFromEpochSeconds(value);

export function actionItemCreateFromRest(body: ActionItemCreateBody): Op.CreateActionItemInput {
  return { text: body.text, ownerId: body.owner, dueDate: dueDateFromRest(body.due_date) };
}

export function actionItemPatchFromRest(
  body: ActionItemPatchBody,
): Pick<Op.UpdateActionItemMutationVariables, 'input' | 'expectedVersion'> {
  return {
    input: {
      text: body.text,
      ownerId: body.owner,
      dueDate: dueDateFromRest(body.due_date),
      status: body.status && toGraphEnum(body.status),
    },
    expectedVersion: body.expected_version,
  };
}

export function actionItemFilterFromQuery(query: ListActionItemsQuery): Op.ActionItemFilter {
  return {
    ownerId: query.owner,
    status: query.status && toGraphEnum(query.status),
    overdue: query.overdue,
    incidentId: query.incident_id,
  };
}
