'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { describeError, Empty, FormError, Pending } from '../../components/states.tsx';
import type { ComponentFieldsFragment, ComponentsAdminQuery } from '../../generated/graphql.ts';
import {
  CreateComponentGroupMutation,
  CreateComponentMutation,
  ComponentsAdminQuery as Query,
  UpdateComponentMutation,
} from '../../graphql/comms.ts';
import { MaintenanceAdmin } from './maintenance-admin.tsx';

type Groups = ComponentsAdminQuery['componentGroups'];

/**
 * What the public page lists (manager): components in groups, in display order, and maintenance windows. A
 * component's status is never set here: it follows incidents' public updates and maintenances.
 */
export function StatusPageAdmin() {
  const [{ data, error }, refetch] = useQuery({ query: Query });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Components &amp; maintenance</h1>
          <p className="muted" style={{ margin: 0 }}>
            What the <a href="/status">public status page</a> shows. Statuses follow public updates and
            maintenance.
          </p>
        </div>
      </div>
      <section aria-labelledby="components-title">
        <h2 id="components-title">Components</h2>
        {!data ? (
          <Pending error={error} refetch={refetch} />
        ) : (
          <>
            {data.components.length === 0 ? (
              <Empty>No component yet: add the parts of your service the public should see.</Empty>
            ) : (
              <ul className="component-admin-list">
                {data.components.map((c) => (
                  <ComponentRow key={c.id} component={c} groups={data.componentGroups} />
                ))}
              </ul>
            )}
            <div className="room">
              <CreateComponent groups={data.componentGroups} />
              <CreateGroup />
            </div>
          </>
        )}
      </section>
      {data ? <MaintenanceAdmin components={data.components} /> : null}
    </>
  );
}

const COMPONENT_FIELDS = ['name', 'description', 'groupId', 'position'] as const;

function ComponentFields({
  prefix,
  groups,
  errors,
  initial,
}: {
  prefix: string;
  groups: Groups;
  errors: Record<string, string>;
  initial?: ComponentFieldsFragment;
}) {
  return (
    <div className="form-row">
      <Field id={`${prefix}-name`} label="Name" error={errors.name}>
        <input {...describedBy(`${prefix}-name`, errors.name)} name="name" defaultValue={initial?.name} />
      </Field>
      <Field id={`${prefix}-description`} label="Description" error={errors.description}>
        <input
          {...describedBy(`${prefix}-description`, errors.description)}
          name="description"
          defaultValue={initial?.description}
        />
      </Field>
      <Field id={`${prefix}-group`} label="Group" error={errors.groupId}>
        <select
          {...describedBy(`${prefix}-group`, errors.groupId)}
          name="groupId"
          defaultValue={initial?.groupId ?? ''}
        >
          <option value="">No group</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${prefix}-position`} label="Position" error={errors.position}>
        <input
          {...describedBy(`${prefix}-position`, errors.position)}
          name="position"
          type="number"
          inputMode="numeric"
          defaultValue={initial?.position}
        />
      </Field>
    </div>
  );
}

const readComponent = (form: FormData) => {
  const position = String(form.get('position') ?? '').trim();
  return {
    name: String(form.get('name') ?? '').trim(),
    description: String(form.get('description') ?? ''),
    groupId: String(form.get('groupId') ?? ''),
    ...(position ? { position: Number(position) } : {}),
  };
};

function ComponentRow({ component: c, groups }: { component: ComponentFieldsFragment; groups: Groups }) {
  const [editing, setEditing] = useState(false);
  const [result, update] = useMutation(UpdateComponentMutation);
  const errors = fieldErrors(result.error, COMPONENT_FIELDS);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const group = groups.find((g) => g.id === c.groupId);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const res = await update({ id: c.id, input: readComponent(new FormData(e.currentTarget)) });
    if (res.data) setEditing(false);
  };

  return (
    <li className="card">
      <div className="endpoint-head">
        <div>
          <strong>{c.name}</strong>{' '}
          <span className="chip">{c.status.toLowerCase().replaceAll('_', ' ')}</span>
          <div className="muted">
            {group ? `${group.name} · ` : ''}position {c.position}
            {c.description ? ` · ${c.description}` : ''}
          </div>
        </div>
        <button
          type="button"
          className="button subtle"
          aria-expanded={editing}
          onClick={() => setEditing((v) => !v)}
        >
          {editing ? 'Cancel' : 'Edit'}
        </button>
      </div>
      {editing ? (
        <form onSubmit={submit} noValidate aria-label={`Edit ${c.name}`}>
          <ComponentFields prefix={`cmp-${c.id}`} groups={groups} errors={errors} initial={c} />
          <FormError error={general} />
          <button type="submit" className="button" disabled={result.fetching}>
            Save
          </button>
        </form>
      ) : null}
    </li>
  );
}

function CreateComponent({ groups }: { groups: Groups }) {
  const [result, create] = useMutation(CreateComponentMutation);
  const errors = fieldErrors(result.error, COMPONENT_FIELDS);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const { groupId, ...rest } = readComponent(new FormData(formElement));
    const res = await create({ input: { ...rest, ...(groupId ? { groupId } : {}) } });
    if (res.data) formElement.reset();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="New component">
      <h3 style={{ marginTop: 0 }}>New component</h3>
      <ComponentFields prefix="new-cmp" groups={groups} errors={errors} />
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        Add component
      </button>
    </form>
  );
}

function CreateGroup() {
  const [result, create] = useMutation(CreateComponentGroupMutation);
  const errors = fieldErrors(result.error, ['name', 'description', 'position']);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const res = await create({ input: { name: String(form.get('name') ?? '').trim() } });
    if (res.data) formElement.reset();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label="New component group">
      <h3 style={{ marginTop: 0 }}>New group</h3>
      <Field id="new-group-name" label="Group name" error={errors.name}>
        <input {...describedBy('new-group-name', errors.name)} name="name" />
      </Field>
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        Add group
      </button>
    </form>
  );
}
