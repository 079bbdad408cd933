'use client';

import Link from 'next/link';
import { useMutation } from 'urql';
import { describeError } from '../../components/states.tsx';
import type { ActionItemFieldsFragment, ActionItemStatus } from '../../generated/graphql.ts';
import { UpdateActionItemMutation } from '../../graphql/response.ts';
import { formatDueDate } from './due-date.ts';

export const ACTION_ITEM_STATUSES: Array<{ value: ActionItemStatus; label: string }> = [
  { value: 'OPEN', label: 'Open' },
  { value: 'IN_PROGRESS', label: 'In progress' },
  { value: 'DONE', label: 'Done' },
  { value: 'WONT_DO', label: "Won't do" },
];

const labelOf = (status: ActionItemStatus) =>
  ACTION_ITEM_STATUSES.find((s) => s.value === status)?.label ?? status;

/**
 * One action item: its text, owner, due date (flagged when overdue) and status, which those who may change it
 * change in place, at the version on screen (a change someone made meanwhile is refused, not overwritten).
 */
export function ActionItemRow(props: {
  item: ActionItemFieldsFragment;
  editable: boolean;
  /** Shown on the cross-incident list: the incident the item came from. */
  incident?: { id: string; title: string } | null;
}) {
  const { item } = props;
  const [result, update] = useMutation(UpdateActionItemMutation);
  const closed = item.status === 'DONE' || item.status === 'WONT_DO';

  return (
    <li
      className={`action-row${item.overdue ? ' overdue' : ''}${closed ? ' closed' : ''}`}
      data-action-item={item.id}
    >
      <div className="action-main">
        <span className="action-text">{item.text}</span>
        <span className="action-meta">
          {props.incident ? (
            <Link href={`/incidents/${props.incident.id}`}>
              {props.incident.id} · {props.incident.title}
            </Link>
          ) : null}
          <span>{item.owner ? `Owner: ${item.owner.name}` : 'No owner'}</span>
          {item.dueDate ? (
            <span title={item.dueDate}>
              Due {formatDueDate(item.dueDate)}
              {item.overdue ? <span className="overdue-badge">overdue</span> : null}
            </span>
          ) : (
            <span>No due date</span>
          )}
        </span>
        {result.error ? (
          <p className="field-error" role="alert">
            {describeError(result.error)}
          </p>
        ) : null}
      </div>
      {props.editable ? (
        <select
          aria-label={`Status of “${item.text}”`}
          value={item.status}
          disabled={result.fetching}
          onChange={(e) =>
            void update({
              id: item.id,
              input: { status: e.target.value as ActionItemStatus },
              expectedVersion: item.version,
            })
          }
        >
          {ACTION_ITEM_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      ) : (
        <span className={`chip action-status-${item.status.toLowerCase()}`}>{labelOf(item.status)}</span>
      )}
    </li>
  );
}
