'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { describeError, Empty, FormError, Pending } from '../../components/states.tsx';
import type {
  ComponentFieldsFragment,
  MaintenanceFieldsFragment,
  MaintenanceStatus,
} from '../../generated/graphql.ts';
import {
  ChangeMaintenanceStatusMutation,
  MaintenancesQuery,
  ScheduleMaintenanceMutation,
  UpdateMaintenanceMutation,
} from '../../graphql/comms.ts';
import { toInstant, toLocalInput } from './datetime-input.ts';

/** The moves a manager may make by hand (the scheduler makes the same ones at the scheduled times). */
const NEXT: Record<MaintenanceStatus, Array<{ to: MaintenanceStatus; label: string }>> = {
  SCHEDULED: [
    { to: 'IN_PROGRESS', label: 'Start now' },
    { to: 'COMPLETED', label: 'Cancel' },
  ],
  IN_PROGRESS: [
    { to: 'VERIFYING', label: 'Verifying' },
    { to: 'COMPLETED', label: 'Complete' },
  ],
  VERIFYING: [{ to: 'COMPLETED', label: 'Complete' }],
  COMPLETED: [],
};

const FIELDS = ['name', 'message', 'componentIds', 'scheduledFor', 'scheduledUntil'] as const;

export function MaintenanceAdmin({ components }: { components: ComponentFieldsFragment[] }) {
  const [{ data, error }, refetch] = useQuery({ query: MaintenancesQuery, variables: { first: 50 } });
  const names = new Map(components.map((c) => [c.id, c.name]));
  return (
    <section aria-labelledby="maintenance-title">
      <h2 id="maintenance-title">Maintenance</h2>
      <MaintenanceForm components={components} />
      {!data ? (
        <Pending error={error} refetch={refetch} />
      ) : data.maintenances.length === 0 ? (
        <Empty>No maintenance scheduled.</Empty>
      ) : (
        <ul className="component-admin-list">
          {data.maintenances.map((m) => (
            <MaintenanceRow key={m.id} maintenance={m} names={names} components={components} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MaintenanceRow({
  maintenance: m,
  names,
  components,
}: {
  maintenance: MaintenanceFieldsFragment;
  names: Map<string, string>;
  components: ComponentFieldsFragment[];
}) {
  const [result, change] = useMutation(ChangeMaintenanceStatusMutation);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(false);
  const last = m.updates.at(-1);
  return (
    <li className="card">
      <div className="endpoint-head">
        <div>
          <strong>{m.name}</strong> <span className="chip">{m.status.toLowerCase().replace('_', ' ')}</span>
          <div className="muted">
            {formatTime(m.scheduledFor)} → {formatTime(m.scheduledUntil)} ·{' '}
            {m.componentIds.map((id) => names.get(id) ?? id).join(', ') || 'no component'}
          </div>
          {last?.message ? <p className="timeline-message">{last.message}</p> : null}
        </div>
        {m.status === 'SCHEDULED' ? (
          <button
            type="button"
            className="button subtle"
            aria-expanded={editing}
            onClick={() => setEditing((v) => !v)}
          >
            {editing ? 'Cancel' : 'Edit'}
          </button>
        ) : null}
      </div>
      {editing ? (
        <MaintenanceForm components={components} maintenance={m} onDone={() => setEditing(false)} />
      ) : NEXT[m.status].length ? (
        <div className="form-row">
          <Field id={`mt-note-${m.id}`} label="Update message (optional)">
            <input
              {...describedBy(`mt-note-${m.id}`)}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          <div className="actions">
            {NEXT[m.status].map((n) => (
              <button
                key={n.to}
                type="button"
                className="button subtle"
                disabled={result.fetching}
                onClick={async () => {
                  const res = await change({
                    id: m.id,
                    status: n.to,
                    ...(note.trim() ? { message: note } : {}),
                  });
                  if (res.data) setNote('');
                }}
              >
                {n.label}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <FormError error={result.error} />
    </li>
  );
}

/** Schedules a maintenance, or edits a scheduled one (`maintenance` given). */
function MaintenanceForm({
  components,
  maintenance,
  onDone,
}: {
  components: ComponentFieldsFragment[];
  maintenance?: MaintenanceFieldsFragment;
  onDone?: () => void;
}) {
  const [scheduled, schedule] = useMutation(ScheduleMaintenanceMutation);
  const [updated, update] = useMutation(UpdateMaintenanceMutation);
  const result = maintenance ? updated : scheduled;
  const errors = fieldErrors(result.error, FIELDS);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const prefix = maintenance ? `mt-${maintenance.id}` : 'mt-new';

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const input = {
      name: String(form.get('name') ?? '').trim(),
      message: String(form.get('message') ?? ''),
      componentIds: form.getAll('componentIds').map(String),
      scheduledFor: toInstant(String(form.get('scheduledFor') ?? '')),
      scheduledUntil: toInstant(String(form.get('scheduledUntil') ?? '')),
    };
    const res = maintenance ? await update({ id: maintenance.id, input }) : await schedule({ input });
    if (res.data) {
      formElement.reset();
      onDone?.();
    }
  };

  return (
    <form
      className={maintenance ? '' : 'card'}
      onSubmit={submit}
      noValidate
      aria-label={maintenance ? `Edit ${maintenance.name}` : 'Schedule maintenance'}
    >
      {maintenance ? null : <h3 style={{ marginTop: 0 }}>Schedule maintenance</h3>}
      <div className="form-row">
        <Field id={`${prefix}-name`} label="Name" error={errors.name}>
          <input
            {...describedBy(`${prefix}-name`, errors.name)}
            name="name"
            defaultValue={maintenance?.name}
          />
        </Field>
        <Field id={`${prefix}-from`} label="From" error={errors.scheduledFor}>
          <input
            {...describedBy(`${prefix}-from`, errors.scheduledFor)}
            name="scheduledFor"
            type="datetime-local"
            defaultValue={maintenance ? toLocalInput(maintenance.scheduledFor) : undefined}
          />
        </Field>
        <Field id={`${prefix}-until`} label="Until" error={errors.scheduledUntil}>
          <input
            {...describedBy(`${prefix}-until`, errors.scheduledUntil)}
            name="scheduledUntil"
            type="datetime-local"
            defaultValue={maintenance ? toLocalInput(maintenance.scheduledUntil) : undefined}
          />
        </Field>
      </div>
      <Field id={`${prefix}-message`} label="Message" hint="What the public is told." error={errors.message}>
        <textarea
          {...describedBy(`${prefix}-message`, errors.message, true)}
          name="message"
          rows={2}
          defaultValue={maintenance?.message}
        />
      </Field>
      <fieldset
        className="impact-fields"
        aria-describedby={errors.componentIds ? `${prefix}-cmp-error` : undefined}
      >
        <legend>Components under maintenance</legend>
        {components.length === 0 ? <p className="hint">Add components first.</p> : null}
        {components.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              name="componentIds"
              value={c.id}
              defaultChecked={maintenance?.componentIds.includes(c.id)}
            />{' '}
            {c.name}
          </label>
        ))}
        {errors.componentIds ? (
          <p className="field-error" id={`${prefix}-cmp-error`} role="alert">
            {errors.componentIds}
          </p>
        ) : null}
      </fieldset>
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        {maintenance ? 'Save changes' : 'Schedule'}
      </button>
    </form>
  );
}
