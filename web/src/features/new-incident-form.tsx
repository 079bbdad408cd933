'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { describedBy, Field } from '../components/field.tsx';
import { fieldErrors } from '../components/field-errors.ts';
import { describeError, FormError } from '../components/states.tsx';
import { CreateIncidentMutation } from '../graphql/incidents.ts';

const FIELDS = ['title', 'sev', 'services', 'summary'] as const;

/** "api, Checkout  db" → ["api", "checkout", "db"]; the server checks each name and says which one is wrong. */
const splitServices = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Declaring an incident. The form does not second-guess the server: it sends what was typed and shows each
 * VALIDATION detail under the field it names (`noValidate`, so the browser's own checks do not hide them).
 */
export function NewIncidentForm() {
  const router = useRouter();
  const [result, create] = useMutation(CreateIncidentMutation);
  const errors = fieldErrors(result.error, FIELDS);
  const [sev, setSev] = useState('2');

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const summary = String(form.get('summary') ?? '');
    const res = await create({
      input: {
        title: String(form.get('title') ?? ''),
        sev: Number(form.get('sev')),
        services: splitServices(String(form.get('services') ?? '')),
        ...(summary.trim() ? { summary } : {}),
      },
    });
    if (res.data) router.push(`/incidents/${res.data.createIncident.id}`);
  };

  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  return (
    <div className="narrow">
      <div className="page-head">
        <div>
          <h1>Declare an incident</h1>
          <p className="muted" style={{ margin: 0 }}>
            Everyone watching the dashboard sees it at once.
          </p>
        </div>
      </div>
      <form className="card" onSubmit={submit} noValidate aria-label="New incident">
        <Field id="title" label="Title" error={errors.title}>
          <input {...describedBy('title', errors.title)} name="title" autoComplete="off" />
        </Field>
        <div className="form-row">
          <Field id="sev" label="Severity" hint="1 is the most severe." error={errors.sev}>
            <select
              {...describedBy('sev', errors.sev, true)}
              name="sev"
              value={sev}
              onChange={(e) => setSev(e.target.value)}
            >
              <option value="1">SEV1: critical, customers down</option>
              <option value="2">SEV2: major degradation</option>
              <option value="3">SEV3: minor, partial</option>
              <option value="4">SEV4: low impact</option>
            </select>
          </Field>
          <Field
            id="services"
            label="Affected services"
            hint="Separated by commas or spaces."
            error={errors.services}
          >
            <input {...describedBy('services', errors.services, true)} name="services" autoComplete="off" />
          </Field>
        </div>
        <Field id="summary" label="Summary" hint="What is happening, who is affected." error={errors.summary}>
          <textarea {...describedBy('summary', errors.summary, true)} name="summary" />
        </Field>
        <FormError error={general} />
        <div className="actions">
          <button type="submit" className="button" disabled={result.fetching}>
            {result.fetching ? 'Declaring…' : 'Declare incident'}
          </button>
        </div>
      </form>
    </div>
  );
}
