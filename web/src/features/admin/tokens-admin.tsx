'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { describeError, Empty, FormError, Pending } from '../../components/states.tsx';
import type { ApiTokenFieldsFragment, Role } from '../../generated/graphql.ts';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from '../../graphql/users.ts';
import { ROLES } from '../../lib/roles.ts';

/** API tokens for automation (admin): create one (shown once), see when each was last used, revoke. */
export function TokensAdmin() {
  const [{ data, error }, refetch] = useQuery({
    query: ApiTokensQuery,
    variables: { first: 500, after: null },
  });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>API tokens</h1>
          <p className="muted" style={{ margin: 0 }}>
            For monitoring, chat-ops and scripts: send as <code>Authorization: Bearer ps_…</code>.
          </p>
        </div>
      </div>
      <CreateToken />
      <h2>Tokens</h2>
      {!data ? (
        <Pending error={error} refetch={refetch} />
      ) : data.apiTokens.nodes.length === 0 ? (
        <Empty>No API token yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Role</th>
                <th scope="col">Owner</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {data.apiTokens.nodes.map((t) => (
                <TokenRow key={t.id} token={t} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function TokenRow({ token: t }: { token: ApiTokenFieldsFragment }) {
  const [result, revoke] = useMutation(RevokeApiTokenMutation);
  const expired = t.expiresAt !== null && t.expiresAt !== undefined && Date.parse(t.expiresAt) < Date.now();
  return (
    <tr>
      <td>
        {t.name}
        {result.error ? (
          <p className="field-error" role="alert">
            {describeError(result.error)}
          </p>
        ) : null}
      </td>
      <td>
        <code>{t.prefix}…</code>
      </td>
      <td>{t.role.toLowerCase()}</td>
      <td>{t.owner?.name ?? '—'}</td>
      <td>{formatTime(t.createdAt)}</td>
      <td>{t.lastUsedAt ? formatTime(t.lastUsedAt) : 'never'}</td>
      <td>{t.expiresAt ? formatTime(t.expiresAt) : 'never'}</td>
      <td>
        {t.revoked ? (
          'revoked'
        ) : expired ? (
          'expired'
        ) : (
          <button
            type="button"
            className="button subtle"
            disabled={result.fetching}
            onClick={() => {
              if (window.confirm(`Revoke "${t.name}"? Anything using it stops working at its next request.`))
                void revoke({ id: t.id });
            }}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

const TOKEN_FIELDS = ['name', 'role', 'expiresAt'] as const;

function CreateToken() {
  const [result, create] = useMutation(CreateApiTokenMutation);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const errors = fieldErrors(result.error, TOKEN_FIELDS);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const expires = String(form.get('expiresAt') ?? '');
    const res = await create({
      input: {
        name: String(form.get('name') ?? ''),
        role: String(form.get('role')) as Role,
        // A date picked in the browser: valid until the end of that day, local time, sent with its offset.
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
      },
    });
    if (res.data) {
      setSecret({ name: res.data.createApiToken.apiToken.name, token: res.data.createApiToken.token });
      formElement.reset();
    }
  };

  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  return (
    <form className="card narrow" onSubmit={submit} noValidate aria-label="New API token">
      <h2 style={{ marginTop: 0 }}>New token</h2>
      <div className="form-row">
        <Field id="tk-name" label="Name" hint="What uses it, e.g. alertmanager." error={errors.name}>
          <input {...describedBy('tk-name', errors.name, true)} name="name" autoComplete="off" />
        </Field>
        <Field id="tk-role" label="Role" hint="Never more than yours." error={errors.role}>
          <select {...describedBy('tk-role', errors.role, true)} name="role" defaultValue="RESPONDER">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.toLowerCase()}
              </option>
            ))}
          </select>
        </Field>
        <Field id="tk-expires" label="Expires (optional)" error={errors.expiresAt}>
          <input {...describedBy('tk-expires', errors.expiresAt)} name="expiresAt" type="date" />
        </Field>
      </div>
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        {result.fetching ? 'Creating…' : 'Create token'}
      </button>
      {secret ? (
        <div role="status" style={{ marginTop: '1rem' }}>
          <p>
            Token <strong>{secret.name}</strong>: copy it now, it is not shown again.
          </p>
          <p className="secret" data-testid="new-token">
            {secret.token}
          </p>
        </div>
      ) : null}
    </form>
  );
}
