'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { describeError } from '../../components/states.tsx';
import type { IncidentCardFragment, IncidentStatus } from '../../generated/graphql.ts';
import { ChangeIncidentStatusMutation } from '../../graphql/incidents.ts';

/** The moves the incidents domain allows from each status (subgraphs/incidents/src/domain/transitions.ts). */
const MOVES: Record<IncidentStatus, Array<{ to: IncidentStatus; label: string }>> = {
  OPEN: [
    { to: 'MITIGATED', label: 'Mark mitigated' },
    { to: 'RESOLVED', label: 'Resolve' },
  ],
  MITIGATED: [
    { to: 'RESOLVED', label: 'Resolve' },
    { to: 'OPEN', label: 'Reopen' },
  ],
  RESOLVED: [{ to: 'OPEN', label: 'Reopen' }],
};

/** Changes the status at the version on screen, so a change someone made meanwhile is refused, not overwritten. */
export function StatusControl({ incident }: { incident: IncidentCardFragment }) {
  const [result, change] = useMutation(ChangeIncidentStatusMutation);
  const [note, setNote] = useState('');

  const move = async (status: IncidentStatus) => {
    const res = await change({
      id: incident.id,
      status,
      expectedVersion: incident.version,
      ...(note.trim() ? { note } : {}),
    });
    if (res.data) setNote('');
  };

  return (
    <div className="card">
      <h2>Status</h2>
      <Field id="status-note" label="Note (optional)" hint="Recorded on the timeline with the change.">
        <input
          {...describedBy('status-note', undefined, true)}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <div className="actions">
        {MOVES[incident.status].map((m) => (
          <button
            key={m.to}
            type="button"
            className={m.to === 'OPEN' ? 'button subtle' : 'button'}
            disabled={result.fetching}
            onClick={() => void move(m.to)}
          >
            {m.label}
          </button>
        ))}
      </div>
      {result.error ? (
        <p className="form-error" role="alert" style={{ marginTop: '0.75rem' }}>
          {describeError(result.error)}
        </p>
      ) : null}
    </div>
  );
}
