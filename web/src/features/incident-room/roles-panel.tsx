'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { describeError, FormError } from '../../components/states.tsx';
import type { IncidentResponseFragment, IncidentRole } from '../../generated/graphql.ts';
import { AssignIncidentRoleMutation, UnassignIncidentRoleMutation } from '../../graphql/response.ts';
import { PeopleQuery } from '../../graphql/users.ts';

/** The response roles beside the commander, as subgraphs/incidents/schema.graphql defines them. */
export const INCIDENT_ROLES: Array<{ value: IncidentRole; label: string; single: boolean }> = [
  { value: 'COMMUNICATIONS_LEAD', label: 'Communications lead', single: true },
  { value: 'OPERATIONS_LEAD', label: 'Operations lead', single: true },
  { value: 'SCRIBE', label: 'Scribe', single: true },
  { value: 'RESPONDER', label: 'Responders', single: false },
];

/**
 * Who holds which response role; responders and up assign them from the enabled users and take them back. A
 * single-holder role passes from its previous holder (the server does that; the list shows the result).
 */
export function RolesPanel(props: { incident: IncidentResponseFragment; editable: boolean }) {
  const { incident } = props;
  const [unassignResult, unassign] = useMutation(UnassignIncidentRoleMutation);

  return (
    <div className="card" data-testid="roles">
      <h2>Response roles</h2>
      <dl className="facts roles">
        {INCIDENT_ROLES.map((r) => {
          const holders = incident.roles.filter((a) => a.role === r.value);
          return (
            <div key={r.value} className="role-entry">
              <dt>{r.label}</dt>
              <dd>
                {holders.length ? (
                  <ul className="holders">
                    {holders.map((h) => (
                      <li key={h.userId}>
                        <span>{h.user?.name ?? h.userId}</span>
                        {props.editable ? (
                          <button
                            type="button"
                            className="link-button"
                            disabled={unassignResult.fetching}
                            aria-label={`Remove ${h.user?.name ?? h.userId} as ${r.label.toLowerCase()}`}
                            onClick={() =>
                              void unassign({ incidentId: incident.id, role: r.value, userId: h.userId })
                            }
                          >
                            Remove
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">Nobody</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <FormError error={unassignResult.error} />
      {props.editable ? <AssignRole incidentId={incident.id} /> : null}
    </div>
  );
}

function AssignRole({ incidentId }: { incidentId: string }) {
  const [people] = useQuery({ query: PeopleQuery, variables: { first: 500 } });
  const [result, assign] = useMutation(AssignIncidentRoleMutation);
  const [role, setRole] = useState<IncidentRole>('RESPONDER');
  const [userId, setUserId] = useState('');
  const errors = fieldErrors(result.error, ['role', 'userId']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!userId) return;
    const res = await assign({ incidentId, role, userId });
    if (res.data) setUserId('');
  };

  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  return (
    <form onSubmit={submit} noValidate aria-label="Assign a response role" style={{ marginTop: '1rem' }}>
      <Field id="role-role" label="Role" error={errors.role}>
        <select
          {...describedBy('role-role', errors.role)}
          value={role}
          onChange={(e) => setRole(e.target.value as IncidentRole)}
        >
          {INCIDENT_ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.single ? r.label : 'Responder'}
            </option>
          ))}
        </select>
      </Field>
      <Field id="role-user" label="Person" error={errors.userId}>
        <select
          {...describedBy('role-user', errors.userId)}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          disabled={!people.data}
        >
          <option value="" disabled>
            {people.fetching && !people.data ? 'Loading people…' : 'Choose someone'}
          </option>
          {people.data?.users.nodes.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.role.toLowerCase()})
            </option>
          ))}
        </select>
      </Field>
      {general || people.error ? (
        <p className="form-error" role="alert">
          {general ?? describeError(people.error!)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={result.fetching || !userId}>
        {result.fetching ? 'Assigning…' : 'Assign role'}
      </button>
    </form>
  );
}
