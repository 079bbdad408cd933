'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { describeError, Empty, ErrorState, FormError, Loading, Pending } from '../../components/states.tsx';
import type { WebhookEndpointFieldsFragment } from '../../generated/graphql.ts';
import {
  CreateWebhookEndpointMutation,
  DeleteWebhookEndpointMutation,
  RedeliverWebhookMessageMutation,
  RotateWebhookSecretMutation,
  SetWebhookEnabledMutation,
  WebhookDeliveriesQuery,
  WebhookEndpointsQuery,
} from '../../graphql/comms.ts';

/**
 * Webhook endpoints (manager): Standard Webhooks receivers of incident and component updates. Create one (its
 * signing secret shown once), rotate the secret, disable, enable or delete it, and read its delivery log, from
 * which any message can be sent again.
 */
export function WebhooksAdmin() {
  const [{ data, error }, refetch] = useQuery({ query: WebhookEndpointsQuery });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Webhooks</h1>
          <p className="muted" style={{ margin: 0 }}>
            Signed deliveries (Standard Webhooks) of every public update and component change.
          </p>
        </div>
      </div>
      <CreateEndpoint />
      <h2>Endpoints</h2>
      {!data ? (
        <Pending error={error} refetch={refetch} />
      ) : data.webhookEndpoints.length === 0 ? (
        <Empty>No webhook endpoint yet.</Empty>
      ) : (
        <ul className="endpoint-list">
          {data.webhookEndpoints.map((e) => (
            <Endpoint key={e.id} endpoint={e} />
          ))}
        </ul>
      )}
    </>
  );
}

function Secret({ secret, note }: { secret: string; note: string }) {
  return (
    <div role="status" style={{ marginTop: '0.75rem' }}>
      <p>{note}</p>
      <p className="secret" data-testid="webhook-secret">
        {secret}
      </p>
    </div>
  );
}

function Endpoint({ endpoint: e }: { endpoint: WebhookEndpointFieldsFragment }) {
  const [showLog, setShowLog] = useState(false);
  const [enable, runEnable] = useMutation(SetWebhookEnabledMutation);
  const [rotate, runRotate] = useMutation(RotateWebhookSecretMutation);
  const [del, runDelete] = useMutation(DeleteWebhookEndpointMutation);
  const failure = enable.error ?? rotate.error ?? del.error;
  const rotated = rotate.data?.rotateWebhookSecret;
  return (
    <li className="card endpoint">
      <div className="endpoint-head">
        <div style={{ minWidth: 0 }}>
          <code style={{ overflowWrap: 'anywhere' }}>{e.url}</code>
          {e.description ? <div>{e.description}</div> : null}
          <div className="muted">
            {e.status === 'ACTIVE' ? 'active' : 'disabled'} · created {formatTime(e.createdAt)}
            {e.failingSince ? ` · failing since ${formatTime(e.failingSince)}` : ''}
          </div>
          {e.disabledReason ? <div className="field-error">Disabled: {e.disabledReason}</div> : null}
        </div>
        <div className="actions">
          <button
            type="button"
            className="button subtle"
            aria-expanded={showLog}
            onClick={() => setShowLog((s) => !s)}
          >
            {showLog ? 'Hide delivery log' : 'Delivery log'}
          </button>
          <button
            type="button"
            className="button subtle"
            disabled={enable.fetching}
            onClick={() => void runEnable({ id: e.id, enabled: e.status !== 'ACTIVE' })}
          >
            {e.status === 'ACTIVE' ? 'Disable' : 'Enable'}
          </button>
          <button
            type="button"
            className="button subtle"
            disabled={rotate.fetching}
            onClick={() => {
              if (window.confirm('Rotate the signing secret? The old one keeps signing for a grace period.'))
                void runRotate({ id: e.id });
            }}
          >
            Rotate secret
          </button>
          <button
            type="button"
            className="button subtle danger"
            disabled={del.fetching}
            onClick={() => {
              if (window.confirm(`Delete the endpoint ${e.url}? Its deliveries stop at once.`))
                void runDelete({ id: e.id });
            }}
          >
            Delete
          </button>
        </div>
      </div>
      <FormError error={failure} />
      {rotated ? (
        <Secret
          secret={rotated.secret}
          note={`New secret: copy it now, it is not shown again. The previous one also signs until ${formatTime(rotated.previousValidUntil)}.`}
        />
      ) : null}
      {showLog ? <DeliveryLog endpointId={e.id} /> : null}
    </li>
  );
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: WebhookDeliveriesQuery,
    variables: { id: endpointId, first: 50 },
  });
  const [redelivery, redeliver] = useMutation(RedeliverWebhookMessageMutation);
  if (!data)
    return error ? (
      <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
    ) : (
      <Loading label="Loading deliveries…" />
    );
  const deliveries = data.webhookEndpoint?.deliveries.nodes ?? [];
  return (
    <div className="delivery-log">
      <div className="actions" style={{ justifyContent: 'space-between' }}>
        <h3 style={{ margin: 0 }}>Delivery log (newest first)</h3>
        <button
          type="button"
          className="button subtle"
          disabled={fetching}
          onClick={() => refetch({ requestPolicy: 'network-only' })}
        >
          Reload
        </button>
      </div>
      {redelivery.error ? (
        <p className="form-error" role="alert">
          {describeError(redelivery.error)}
        </p>
      ) : redelivery.data ? (
        // The mutation only queues the message: the attempt is logged once the worker has sent it.
        <p role="status">Queued to send again; Reload shows the attempt, marked manual.</p>
      ) : null}
      {deliveries.length === 0 ? (
        <Empty>Nothing has been sent to this endpoint yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Attempt</th>
                <th scope="col">Answer</th>
                <th scope="col">Outcome</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatTime(d.at)}</td>
                  <td>{d.eventType}</td>
                  <td>
                    {d.attempt}
                    {d.manual ? ' (manual)' : ''}
                  </td>
                  <td>
                    {d.statusCode ?? 'no answer'} · {d.latencyMs} ms
                    {d.error ? <div className="field-error">{d.error}</div> : null}
                  </td>
                  <td>{d.outcome.toLowerCase()}</td>
                  <td>
                    <code title={d.messageId}>{d.messageId.slice(0, 12)}…</code>{' '}
                    <button
                      type="button"
                      className="button subtle"
                      disabled={redelivery.fetching}
                      aria-label={`Redeliver message ${d.messageId}`}
                      onClick={() => void redeliver({ endpointId, messageId: d.messageId })}
                    >
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CreateEndpoint() {
  const [result, create] = useMutation(CreateWebhookEndpointMutation);
  const errors = fieldErrors(result.error, ['url', 'description']);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const created = result.data?.createWebhookEndpoint;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const description = String(form.get('description') ?? '').trim();
    const res = await create({
      input: { url: String(form.get('url') ?? '').trim(), ...(description ? { description } : {}) },
    });
    if (res.data) formElement.reset();
  };

  return (
    <form className="card narrow" onSubmit={submit} noValidate aria-label="New webhook endpoint">
      <h2 style={{ marginTop: 0 }}>New endpoint</h2>
      <Field
        id="wh-url"
        label="URL"
        hint="https, on a public address; redirects are not followed."
        error={errors.url}
      >
        <input
          {...describedBy('wh-url', errors.url, true)}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
        />
      </Field>
      <Field
        id="wh-description"
        label="Description (optional)"
        hint="Which receiver this is."
        error={errors.description}
      >
        <input
          {...describedBy('wh-description', errors.description, true)}
          name="description"
          maxLength={200}
        />
      </Field>
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        {result.fetching ? 'Creating…' : 'Create endpoint'}
      </button>
      {created ? (
        <Secret secret={created.secret} note="Signing secret: copy it now, it is not shown again." />
      ) : null}
    </form>
  );
}
