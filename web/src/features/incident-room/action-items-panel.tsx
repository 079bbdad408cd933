'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { describeError, Empty, Pending } from '../../components/states.tsx';
import { CreateActionItemMutation, IncidentActionItemsQuery } from '../../graphql/response.ts';
import { PeopleQuery } from '../../graphql/users.ts';
import { ActionItemRow } from '../action-items/action-item-row.tsx';
import { dueDateToInstant } from '../action-items/due-date.ts';

const PAGE = 200;

/**
 * The incident's tracked action items: each with an owner, a due date and a status that changes without a new
 * postmortem version. Others' changes arrive through the live timeline (src/lib/cache-depth.ts).
 */
export function ActionItemsPanel({ incidentId, editable }: { incidentId: string; editable: boolean }) {
  const [{ data, error }, refetch] = useQuery({
    query: IncidentActionItemsQuery,
    variables: { id: incidentId, first: PAGE },
  });
  const items = data?.incident?.actionItems;
  const overdue = items?.nodes.filter((i) => i.overdue).length ?? 0;

  return (
    <section aria-labelledby="action-items-title">
      <h2 id="action-items-title">
        Action items{' '}
        {items ? (
          <span className="muted">
            ({items.nodes.length}
            {overdue ? (
              <>
                , <span className="overdue-text">{overdue} overdue</span>
              </>
            ) : null}
            )
          </span>
        ) : null}
      </h2>
      {!items ? (
        <Pending error={error} refetch={refetch} />
      ) : items.nodes.length ? (
        <ul className="action-list" data-testid="action-items">
          {items.nodes.map((item) => (
            <ActionItemRow key={item.id} item={item} editable={editable} />
          ))}
        </ul>
      ) : (
        <Empty>No action items yet.</Empty>
      )}
      {items?.pageInfo.hasNextPage ? <p className="muted">Showing the newest {PAGE}.</p> : null}
      {editable ? <NewActionItem incidentId={incidentId} /> : null}
    </section>
  );
}

const FIELDS = ['text', 'ownerId', 'dueDate'] as const;

function NewActionItem({ incidentId }: { incidentId: string }) {
  const [people] = useQuery({ query: PeopleQuery, variables: { first: 500 } });
  const [result, create] = useMutation(CreateActionItemMutation);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [day, setDay] = useState('');
  const [dayError, setDayError] = useState<string | undefined>();
  const errors = fieldErrors(result.error, FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const dueDate = day ? dueDateToInstant(day) : null;
    if (day && !dueDate) {
      setDayError('is not a date');
      return;
    }
    setDayError(undefined);
    const res = await create({
      incidentId,
      input: { text, ownerId: ownerId || null, dueDate },
    });
    if (res.data) {
      setText('');
      setDay('');
    }
  };

  const dueError = dayError ?? errors.dueDate;
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      aria-label="New action item"
      style={{ marginTop: '1rem' }}
    >
      <Field id="ai-text" label="Action item" error={errors.text}>
        <input
          {...describedBy('ai-text', errors.text)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Add an alert on checkout 5xx rate"
        />
      </Field>
      <div className="form-row">
        <Field id="ai-owner" label="Owner" error={errors.ownerId}>
          <select
            {...describedBy('ai-owner', errors.ownerId)}
            value={ownerId}
            onChange={(e) => setOwnerId(e.target.value)}
          >
            <option value="">{people.fetching && !people.data ? 'Loading people…' : 'No owner yet'}</option>
            {people.data?.users.nodes.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="ai-due" label="Due date (optional)" error={dueError}>
          <input
            {...describedBy('ai-due', dueError)}
            type="date"
            value={day}
            onChange={(e) => setDay(e.target.value)}
          />
        </Field>
      </div>
      {general || people.error ? (
        <p className="form-error" role="alert">
          {general ?? describeError(people.error!)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={result.fetching}>
        {result.fetching ? 'Creating…' : 'Create action item'}
      </button>
    </form>
  );
}
