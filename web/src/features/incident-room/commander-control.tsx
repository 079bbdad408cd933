'use client';

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { describeError } from '../../components/states.tsx';
import type { IncidentCardFragment } from '../../generated/graphql.ts';
import { AssignCommanderMutation } from '../../graphql/incidents.ts';
import { PeopleQuery } from '../../graphql/users.ts';

/** Names the commander from the enabled users (managers and above may). */
export function CommanderControl({ incident }: { incident: IncidentCardFragment }) {
  const [people] = useQuery({ query: PeopleQuery, variables: { first: 500 } });
  const [result, assign] = useMutation(AssignCommanderMutation);
  const [chosen, setChosen] = useState('');
  const selected = chosen || incident.commanderId || '';

  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        if (selected)
          void assign({ id: incident.id, commanderId: selected, expectedVersion: incident.version });
      }}
    >
      <h2>Commander</h2>
      <Field id="commander-select" label="Incident commander">
        <select
          {...describedBy('commander-select')}
          value={selected}
          onChange={(e) => setChosen(e.target.value)}
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
      <button
        type="submit"
        className="button"
        disabled={result.fetching || !selected || selected === incident.commanderId}
      >
        {result.fetching ? 'Assigning…' : 'Assign'}
      </button>
      {result.error || people.error ? (
        <p className="form-error" role="alert" style={{ marginTop: '0.75rem' }}>
          {describeError((result.error ?? people.error)!)}
        </p>
      ) : null}
    </form>
  );
}
