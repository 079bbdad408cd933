'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { useSession } from '../../components/providers.tsx';
import { describeError, Empty, FormError, Pending } from '../../components/states.tsx';
import type {
  CspFeedType,
  ProviderAdminFieldsFragment,
  ProvidersAdminQuery,
} from '../../generated/graphql.ts';
import {
  ProvidersAdminQuery as Query,
  RefreshProviderMutation,
  RegisterProviderMutation,
  UpdateProviderMutation,
} from '../../graphql/csp.ts';
import { can } from '../../lib/roles.ts';
import { ServiceDependencies } from './service-dependencies.tsx';

const FEED_TYPES: Array<{ value: CspFeedType; label: string }> = [
  { value: 'STATUSPAGE', label: 'Statuspage (summary.json, incident.io too)' },
  { value: 'JSON', label: 'JSON (format detected)' },
  { value: 'GCP', label: 'Google Cloud (incidents.json)' },
  { value: 'AWS', label: 'AWS Health' },
  { value: 'STATUSIO', label: 'status.io' },
  { value: 'SLACK', label: 'Slack status' },
  { value: 'RSS', label: 'RSS (format detected)' },
  { value: 'ATOM', label: 'Atom' },
  { value: 'HTTP', label: 'HTTP probe (no status page)' },
];

/**
 * Cloud providers (manager): register one, see each feed's health (last poll, error, circuit), refresh one now
 * (responder), pause or resume it; and which of our services depend on which provider.
 */
export function ProvidersAdmin() {
  const { state } = useSession();
  const role = state.status === 'signed-in' ? state.user.role : undefined;
  const [{ data, error }, refetch] = useQuery({ query: Query });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Providers</h1>
          <p className="muted" style={{ margin: 0 }}>
            Status pages we watch; their events appear on the wallboard and can open incidents.
          </p>
        </div>
      </div>
      {can.manageStatusPage(role) && data ? <RegisterProvider providers={data.providers} /> : null}
      <h2>Watched providers</h2>
      {!data ? (
        <Pending error={error} refetch={refetch} />
      ) : data.providers.length === 0 ? (
        <Empty>No provider is watched yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Feed</th>
                <th scope="col">Health</th>
                <th scope="col">Last success</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.providers.map((p) => (
                <ProviderRow
                  key={p.id}
                  provider={p}
                  canRefresh={can.refreshProvider(role)}
                  canEdit={can.manageStatusPage(role)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data ? <ServiceDependencies data={data} editable={can.manageStatusPage(role)} /> : null}
    </>
  );
}

function ProviderRow({
  provider: p,
  canRefresh,
  canEdit,
}: {
  provider: ProviderAdminFieldsFragment;
  canRefresh: boolean;
  canEdit: boolean;
}) {
  const [refresh, runRefresh] = useMutation(RefreshProviderMutation);
  const [update, runUpdate] = useMutation(UpdateProviderMutation);
  const h = p.health;
  const r = refresh.data?.refreshProvider;
  const circuit = h.circuit === 'CLOSED' ? null : h.circuit === 'OPEN' ? 'circuit open' : 'circuit half-open';
  return (
    <tr>
      <td>
        <strong>{p.name}</strong>
        <div className="muted">
          {p.type.toLowerCase()}
          {p.format && p.format !== p.type ? ` (${p.format.toLowerCase()})` : ''} · every {p.intervalSeconds}s
          {p.enabled ? '' : ' · paused'}
        </div>
      </td>
      <td style={{ overflowWrap: 'anywhere', maxWidth: '22rem' }}>
        <code>{p.feedUrl}</code>
        {p.dependsOn.length ? (
          <div className="muted">runs on {p.dependsOn.map((d) => d.id).join(', ')}</div>
        ) : null}
      </td>
      <td>
        <span className={h.reachable && !circuit ? 'health ok' : 'health failing'}>
          {h.reachable ? 'reachable' : 'failing'}
          {circuit ? ` · ${circuit}` : ''}
        </span>
        {h.lastHttpStatus ? (
          <div className="muted">
            HTTP {h.lastHttpStatus}
            {h.lastDurationMs != null ? ` in ${h.lastDurationMs} ms` : ''}
          </div>
        ) : null}
        {h.consecutiveFailures ? (
          <div className="muted">{h.consecutiveFailures} failures in a row</div>
        ) : null}
        {h.lastError ? <div className="field-error">{h.lastError}</div> : null}
        {h.circuitRetryAt ? <div className="muted">next try {formatTime(h.circuitRetryAt)}</div> : null}
      </td>
      <td>{h.lastSuccessAt ? formatTime(h.lastSuccessAt) : 'never'}</td>
      <td>
        <div className="actions">
          {canRefresh ? (
            <button
              type="button"
              className="button subtle"
              disabled={refresh.fetching}
              onClick={() => void runRefresh({ id: p.id })}
              aria-label={`Refresh ${p.name} now`}
            >
              {refresh.fetching ? 'Refreshing…' : 'Refresh now'}
            </button>
          ) : null}
          {canEdit ? (
            <button
              type="button"
              className="button subtle"
              disabled={update.fetching}
              onClick={() => void runUpdate({ id: p.id, input: { enabled: !p.enabled } })}
            >
              {p.enabled ? 'Pause' : 'Resume'}
            </button>
          ) : null}
        </div>
        <div role="status">
          {r
            ? r.error
              ? `Failed: ${r.error}`
              : r.notModified
                ? 'Nothing new.'
                : `${r.created} new, ${r.updated} updated, ${r.resolved} resolved (${r.durationMs} ms).`
            : null}
        </div>
        {refresh.error || update.error ? (
          <p className="field-error" role="alert">
            {describeError((refresh.error ?? update.error)!)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

const FIELDS = ['name', 'feedUrl', 'type', 'intervalSeconds', 'dependsOn'] as const;

function RegisterProvider({ providers }: { providers: ProvidersAdminQuery['providers'] }) {
  const [result, register] = useMutation(RegisterProviderMutation);
  const errors = fieldErrors(result.error, FIELDS);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const interval = String(form.get('intervalSeconds') ?? '').trim();
    const res = await register({
      input: {
        name: String(form.get('name') ?? '').trim(),
        feedUrl: String(form.get('feedUrl') ?? '').trim(),
        type: String(form.get('type')) as CspFeedType,
        ...(interval ? { intervalSeconds: Number(interval) } : {}),
        dependsOn: form.getAll('dependsOn').map(String),
      },
    });
    if (res.data) {
      setDone(res.data.registerProvider.name);
      formElement.reset();
    }
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Register a provider">
      <h2 style={{ marginTop: 0 }}>Register a provider</h2>
      <div className="form-row">
        <Field
          id="pv-name"
          label="Name"
          hint="Lower case, digits, - or _; it becomes its id."
          error={errors.name}
        >
          <input {...describedBy('pv-name', errors.name, true)} name="name" autoComplete="off" />
        </Field>
        <Field id="pv-type" label="Feed type" error={errors.type}>
          <select {...describedBy('pv-type', errors.type)} name="type" defaultValue="STATUSPAGE">
            {FEED_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="pv-interval"
          label="Poll every (seconds)"
          hint="10 to 86400; blank: the default."
          error={errors.intervalSeconds}
        >
          <input
            {...describedBy('pv-interval', errors.intervalSeconds, true)}
            name="intervalSeconds"
            type="number"
            min={10}
            max={86400}
            inputMode="numeric"
          />
        </Field>
      </div>
      <Field
        id="pv-url"
        label="Feed URL"
        hint="The status page's JSON or feed, e.g. https://www.githubstatus.com/api/v2/summary.json"
        error={errors.feedUrl}
      >
        <input
          {...describedBy('pv-url', errors.feedUrl, true)}
          name="feedUrl"
          type="url"
          inputMode="url"
          autoComplete="off"
        />
      </Field>
      {providers.length ? (
        <fieldset className="impact-fields">
          <legend>Runs on (declared dependencies)</legend>
          {providers.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" name="dependsOn" value={p.id} /> {p.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        {result.fetching ? 'Registering…' : 'Register provider'}
      </button>
      {done ? (
        <p role="status">
          <strong>{done}</strong> is registered; its first poll runs now.
        </p>
      ) : null}
    </form>
  );
}
