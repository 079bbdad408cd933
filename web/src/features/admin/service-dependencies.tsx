'use client';

import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { describeError, Empty, FormError } from '../../components/states.tsx';
import type { ProvidersAdminQuery } from '../../generated/graphql.ts';
import { SetServiceDependenciesMutation } from '../../graphql/csp.ts';

/**
 * Which of our services run on which provider (all of it, or named components): the csp domain opens an
 * incident on a service when a provider it depends on has one. Editing a service replaces its whole list; an
 * empty list removes it.
 */
export function ServiceDependencies({ data, editable }: { data: ProvidersAdminQuery; editable: boolean }) {
  const byService = new Map<string, ProvidersAdminQuery['cspServiceDependencies']>();
  for (const d of data.cspServiceDependencies)
    byService.set(d.service, [...(byService.get(d.service) ?? []), d]);
  const [editing, setEditing] = useState<string>('');

  return (
    <section aria-labelledby="deps-title">
      <h2 id="deps-title">Service dependencies</h2>
      {byService.size === 0 ? (
        <Empty>No service is declared to depend on a provider yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Depends on</th>
                {editable ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {[...byService].map(([service, deps]) => (
                <tr key={service}>
                  <td>
                    <strong>{service}</strong>
                  </td>
                  <td>
                    {deps.map((d) => (
                      <span key={d.providerId} className="chip">
                        {d.providerId}
                        {d.components.length ? `: ${d.components.join(', ')}` : ' (all)'}
                      </span>
                    ))}
                  </td>
                  {editable ? (
                    <td>
                      <button type="button" className="button subtle" onClick={() => setEditing(service)}>
                        Edit
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && data.providers.length ? (
        <DependencyForm
          key={editing}
          service={editing}
          current={byService.get(editing) ?? []}
          providers={data.providers}
          onDone={() => setEditing('')}
        />
      ) : null}
    </section>
  );
}

function DependencyForm({
  service,
  current,
  providers,
  onDone,
}: {
  service: string;
  current: ProvidersAdminQuery['cspServiceDependencies'];
  providers: ProvidersAdminQuery['providers'];
  onDone: () => void;
}) {
  const [result, save] = useMutation(SetServiceDependenciesMutation);
  const errors = fieldErrors(result.error, ['service', 'dependencies']);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const chosen = new Map(current.map((d) => [d.providerId, d.components.join(', ')]));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const dependencies = providers
      .filter((p) => form.get(`dep-${p.id}`) === 'on')
      .map((p) => ({
        providerId: p.id,
        components: String(form.get(`components-${p.id}`) ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      }));
    const res = await save({ service: String(form.get('service') ?? '').trim(), dependencies });
    if (res.data) onDone();
  };

  return (
    <form
      className="card"
      style={{ marginTop: '1rem' }}
      onSubmit={submit}
      noValidate
      aria-label="Set a service's dependencies"
    >
      <h3 style={{ marginTop: 0 }}>
        {service ? `Dependencies of ${service}` : 'Declare a service’s dependencies'}
      </h3>
      <Field
        id="dep-service"
        label="Service"
        hint="As incidents name it, e.g. checkout."
        error={errors.service}
      >
        <input
          {...describedBy('dep-service', errors.service, true)}
          name="service"
          defaultValue={service}
          autoComplete="off"
        />
      </Field>
      <fieldset className="impact-fields">
        <legend>Providers it runs on</legend>
        {providers.map((p) => (
          <div key={p.id} className="impact-field">
            <label className="check">
              <input type="checkbox" name={`dep-${p.id}`} defaultChecked={chosen.has(p.id)} /> {p.name}
            </label>
            <input
              aria-label={`${p.name} components (comma separated; blank: all of it)`}
              placeholder="components, blank: all"
              name={`components-${p.id}`}
              defaultValue={chosen.get(p.id) ?? ''}
            />
          </div>
        ))}
        {errors.dependencies ? (
          <p className="field-error" role="alert">
            {errors.dependencies}
          </p>
        ) : null}
      </fieldset>
      <FormError error={general} />
      <div className="actions">
        <button type="submit" className="button" disabled={result.fetching}>
          Save dependencies
        </button>
        {service ? (
          <button type="button" className="button subtle" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
