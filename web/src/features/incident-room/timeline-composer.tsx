'use client';

import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { describeError, FormError } from '../../components/states.tsx';
import type { TimelineNoteType } from '../../generated/graphql.ts';
import { AddTimelineEventMutation } from '../../graphql/incidents.ts';

const TYPES: Array<{ value: TimelineNoteType; label: string }> = [
  { value: 'UPDATE', label: 'Update' },
  { value: 'NOTE', label: 'Note' },
  { value: 'MITIGATION', label: 'Mitigation' },
  { value: 'RESOLUTION', label: 'Resolution' },
];

export function TimelineComposer({ incidentId }: { incidentId: string }) {
  const [result, add] = useMutation(AddTimelineEventMutation);
  const [type, setType] = useState<TimelineNoteType>('UPDATE');
  const [message, setMessage] = useState('');
  const errors = fieldErrors(result.error, ['type', 'message']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await add({ incidentId, input: { type, message } });
    if (res.data) setMessage('');
  };

  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Add to the timeline">
      <div className="form-row">
        <Field id="entry-type" label="Kind" error={errors.type}>
          <select
            {...describedBy('entry-type', errors.type)}
            value={type}
            onChange={(e) => setType(e.target.value as TimelineNoteType)}
          >
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="entry-message" label="Message" error={errors.message}>
        <textarea
          {...describedBy('entry-message', errors.message)}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter posts, as in chat tools responders already use.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
        />
      </Field>
      <FormError error={general} />
      <div className="actions">
        <button type="submit" className="button" disabled={result.fetching}>
          {result.fetching ? 'Posting…' : 'Add to timeline'}
        </button>
        <span className="muted">Ctrl+Enter posts</span>
      </div>
    </form>
  );
}
