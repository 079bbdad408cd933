'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { describeError, FormError } from '../../components/states.tsx';
import type { IncidentRoomQuery as RoomResult } from '../../generated/graphql.ts';
import { SubmitPostmortemMutation } from '../../graphql/incidents.ts';
import { PeopleQuery } from '../../graphql/users.ts';

type Postmortem = NonNullable<NonNullable<RoomResult['incident']>['postmortem']>;

interface Item {
  key: number;
  text: string;
  ownerId: string;
  done: boolean;
  /** The tracked action item this line is, so editing its text keeps the same item (issue 11). */
  actionItemId: string | null;
}

const TEXT_FIELDS = [
  { name: 'whatHappened', label: 'What happened', required: true },
  { name: 'rootCause', label: 'Root cause', required: true },
  { name: 'impact', label: 'Impact', required: false },
  { name: 'lessonsLearned', label: 'Lessons learned', required: false },
] as const;

type TextField = (typeof TEXT_FIELDS)[number]['name'];

export function PostmortemView({ postmortem }: { postmortem: Postmortem }) {
  return (
    <div className="card">
      {TEXT_FIELDS.map((f) =>
        postmortem[f.name] ? (
          <div key={f.name}>
            <h3>{f.label}</h3>
            <p style={{ whiteSpace: 'pre-wrap' }}>{postmortem[f.name]}</p>
          </div>
        ) : null,
      )}
      <h3>Action items</h3>
      {postmortem.actionItems.length ? (
        <ul>
          {postmortem.actionItems.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: action items have no id; their order is their identity
            <li key={i}>
              {a.done ? '✓ ' : ''}
              {a.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
      <p className="muted">
        Version {postmortem.version}, edited by {postmortem.editedBy?.name ?? 'someone'} on{' '}
        {formatTime(postmortem.editedAt)}
      </p>
    </div>
  );
}

/**
 * The postmortem: its text and its action items (each with an owner and done). Submitting keeps every version
 * and is refused when the incident changed since the page showed it (`expectedVersion`).
 */
export function PostmortemEditor(props: {
  incidentId: string;
  version: number;
  postmortem: Postmortem | null;
}) {
  const { postmortem } = props;
  const [people] = useQuery({ query: PeopleQuery, variables: { first: 500 } });
  const [result, submit] = useMutation(SubmitPostmortemMutation);
  const [text, setText] = useState<Record<TextField, string>>({
    whatHappened: postmortem?.whatHappened ?? '',
    rootCause: postmortem?.rootCause ?? '',
    impact: postmortem?.impact ?? '',
    lessonsLearned: postmortem?.lessonsLearned ?? '',
  });
  const [items, setItems] = useState<Item[]>(
    (postmortem?.actionItems ?? []).map((a, key) => ({
      key,
      text: a.text,
      ownerId: a.ownerId ?? '',
      done: a.done,
      actionItemId: a.actionItemId ?? null,
    })),
  );
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(result.error, [...TEXT_FIELDS.map((f) => f.name), 'actionItems']);

  const update = (key: number, change: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const res = await submit({
      incidentId: props.incidentId,
      expectedVersion: props.version,
      input: {
        whatHappened: text.whatHappened,
        rootCause: text.rootCause,
        impact: text.impact || null,
        lessonsLearned: text.lessonsLearned || null,
        actionItems: items.map((i) => ({
          text: i.text,
          ownerId: i.ownerId || null,
          done: i.done,
          actionItemId: i.actionItemId,
        })),
      },
    });
    if (res.data) setSaved(true);
  };

  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  return (
    <form className="card" onSubmit={save} noValidate aria-label="Postmortem">
      {TEXT_FIELDS.map((f) => (
        <Field
          key={f.name}
          id={`pm-${f.name}`}
          label={f.required ? f.label : `${f.label} (optional)`}
          error={errors[f.name]}
        >
          <textarea
            {...describedBy(`pm-${f.name}`, errors[f.name])}
            value={text[f.name]}
            onChange={(e) => setText((t) => ({ ...t, [f.name]: e.target.value }))}
          />
        </Field>
      ))}
      <fieldset style={{ border: 'none', padding: 0, margin: '0 0 1rem' }}>
        <legend style={{ fontWeight: 600, marginBottom: '0.5rem' }}>Action items</legend>
        {items.map((item, n) => (
          <div key={item.key} className="action-item">
            <input
              type="checkbox"
              aria-label={`Action item ${n + 1} done`}
              checked={item.done}
              onChange={(e) => update(item.key, { done: e.target.checked })}
            />
            <input
              aria-label={`Action item ${n + 1}`}
              value={item.text}
              onChange={(e) => update(item.key, { text: e.target.value })}
            />
            <select
              aria-label={`Action item ${n + 1} owner`}
              value={item.ownerId}
              onChange={(e) => update(item.key, { ownerId: e.target.value })}
            >
              <option value="">No owner</option>
              {people.data?.users.nodes.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button subtle"
              aria-label={`Remove action item ${n + 1}`}
              onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
            >
              Remove
            </button>
          </div>
        ))}
        {errors.actionItems ? <p className="field-error">{errors.actionItems}</p> : null}
        <button
          type="button"
          className="button subtle"
          onClick={() =>
            setItems((list) => [
              ...list,
              {
                key: Math.max(-1, ...list.map((i) => i.key)) + 1,
                text: '',
                ownerId: '',
                done: false,
                actionItemId: null,
              },
            ])
          }
        >
          Add action item
        </button>
      </fieldset>
      <FormError error={general} />
      <div className="actions">
        <button type="submit" className="button" disabled={result.fetching}>
          {result.fetching ? 'Saving…' : postmortem ? 'Save a new version' : 'Save postmortem'}
        </button>
        {saved ? <span role="status">Saved.</span> : null}
        {postmortem ? (
          <span className="muted">
            Version {postmortem.version}, by {postmortem.editedBy?.name ?? 'someone'},{' '}
            {formatTime(postmortem.editedAt)}
          </span>
        ) : null}
      </div>
    </form>
  );
}
