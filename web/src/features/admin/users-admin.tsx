'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { useSession } from '../../components/providers.tsx';
import { describeError, Empty, FormError, Pending } from '../../components/states.tsx';
import type { AdminUserFragment, Role } from '../../generated/graphql.ts';
import {
  AdminUsersQuery,
  ChangeUserRoleMutation,
  CreateUserMutation,
  DisableUserMutation,
  EnableUserMutation,
} from '../../graphql/users.ts';
import { ROLES } from '../../lib/roles.ts';

const PAGE = 100;

/** Users and their roles (admin): search, create, change a role, disable and enable. */
export function UsersAdmin() {
  const [q, setQ] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AdminUsersQuery,
    variables: { first: PAGE, after: after.at(-1) ?? null, filter: q.trim() ? { q: q.trim() } : null },
  });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Users & roles</h1>
          <p className="muted" style={{ margin: 0 }}>
            Viewer &lt; responder &lt; manager &lt; admin. Changes take effect at the user&apos;s next
            request.
          </p>
        </div>
      </div>
      <CreateUser />
      <div className="field" style={{ maxWidth: 360, marginTop: '1.5rem' }}>
        <label htmlFor="user-q">Search</label>
        <input
          id="user-q"
          type="search"
          value={q}
          placeholder="Name or email"
          onChange={(e) => {
            setQ(e.target.value);
            setAfter([]);
          }}
        />
      </div>
      {!data ? (
        <Pending error={error} refetch={refetch} />
      ) : data.users.nodes.length === 0 ? (
        <Empty>No user matches.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Team</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {data.users.nodes.map((u) => (
                <UserRow key={u.id} user={u} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions" style={{ marginTop: '1rem' }}>
        {after.length ? (
          <button type="button" className="button subtle" onClick={() => setAfter((a) => a.slice(0, -1))}>
            Previous
          </button>
        ) : null}
        {data?.users.pageInfo.hasNextPage && data.users.pageInfo.endCursor ? (
          <button
            type="button"
            className="button subtle"
            onClick={() => setAfter((a) => [...a, data.users.pageInfo.endCursor!])}
          >
            Next
          </button>
        ) : null}
        {fetching && data ? <span className="muted">Refreshing…</span> : null}
      </div>
    </>
  );
}

function UserRow({ user }: { user: AdminUserFragment }) {
  const { state } = useSession();
  const self = state.status === 'signed-in' && state.user.id === user.id;
  const [roleResult, changeRole] = useMutation(ChangeUserRoleMutation);
  const [disableResult, disable] = useMutation(DisableUserMutation);
  const [enableResult, enable] = useMutation(EnableUserMutation);
  const error = roleResult.error ?? disableResult.error ?? enableResult.error;
  const busy = roleResult.fetching || disableResult.fetching || enableResult.fetching;

  return (
    <tr>
      <td>
        {user.name}
        {self ? <span className="chip">you</span> : null}
        {!user.hasPassword ? <span className="chip">no password</span> : null}
        {error ? (
          <p className="field-error" role="alert">
            {describeError(error)}
          </p>
        ) : null}
      </td>
      <td>{user.email}</td>
      <td>{user.team || '—'}</td>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={busy}
          onChange={(e) => void changeRole({ id: user.id, role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r.toLowerCase()}
            </option>
          ))}
        </select>
      </td>
      <td>{formatTime(user.createdAt)}</td>
      <td>
        {user.disabled ? (
          <button
            type="button"
            className="button subtle"
            disabled={busy}
            onClick={() => void enable({ id: user.id })}
          >
            Enable
          </button>
        ) : (
          <button
            type="button"
            className="button subtle"
            disabled={busy || self}
            title={self ? 'You cannot disable yourself' : undefined}
            onClick={() => {
              if (
                window.confirm(`Disable ${user.name}? Their sessions end and their API tokens stop at once.`)
              )
                void disable({ id: user.id });
            }}
          >
            Disable
          </button>
        )}
      </td>
    </tr>
  );
}

const USER_FIELDS = ['name', 'email', 'role', 'team', 'password'] as const;

function CreateUser() {
  const [result, create] = useMutation(CreateUserMutation);
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const errors = fieldErrors(result.error, USER_FIELDS);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const value = (k: string) => String(form.get(k) ?? '');
    const res = await create({
      input: {
        name: value('name'),
        email: value('email'),
        role: value('role') as Role,
        team: value('team') || null,
        password: value('password') || null,
      },
    });
    if (res.data) {
      setCreated(res.data.createUser.email);
      formElement.reset();
    }
  };

  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Add a user
        </button>
        {created ? <span role="status">Created {created}.</span> : null}
      </div>
    );
  }
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  return (
    <form className="card narrow" onSubmit={submit} noValidate aria-label="New user">
      <h2 style={{ marginTop: 0 }}>New user</h2>
      <div className="form-row">
        <Field id="nu-name" label="Name" error={errors.name}>
          <input {...describedBy('nu-name', errors.name)} name="name" autoComplete="off" />
        </Field>
        <Field id="nu-email" label="Email" error={errors.email}>
          <input {...describedBy('nu-email', errors.email)} name="email" type="email" autoComplete="off" />
        </Field>
      </div>
      <div className="form-row">
        <Field id="nu-role" label="Role" error={errors.role}>
          <select {...describedBy('nu-role', errors.role)} name="role" defaultValue="RESPONDER">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.toLowerCase()}
              </option>
            ))}
          </select>
        </Field>
        <Field id="nu-team" label="Team (optional)" error={errors.team}>
          <input {...describedBy('nu-team', errors.team)} name="team" autoComplete="off" />
        </Field>
      </div>
      <Field
        id="nu-password"
        label="Password (optional)"
        hint="At least 12 characters. Without one, the user cannot sign in until a password is set."
        error={errors.password}
      >
        <input
          {...describedBy('nu-password', errors.password, true)}
          name="password"
          type="password"
          autoComplete="new-password"
        />
      </Field>
      <FormError error={general} />
      <div className="actions">
        <button type="submit" className="button" disabled={result.fetching}>
          {result.fetching ? 'Creating…' : 'Create user'}
        </button>
        <button type="button" className="button subtle" onClick={() => setOpen(false)}>
          Close
        </button>
        {created ? <span role="status">Created {created}.</span> : null}
      </div>
    </form>
  );
}
