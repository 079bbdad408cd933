'use client';

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Empty, ErrorState, FormError, Loading } from '../../components/states.tsx';
import { KillSwitchesQuery, KillSwitchMutation } from '../../graphql/flags.ts';

interface Pending {
  key: string;
  on: boolean;
}

/**
 * Feature flags a responder may switch off (or back on) as a mitigation of this incident. The flags service
 * applies and audits the toggle first, then writes a MITIGATION entry on this incident's timeline, which arrives
 * in the room live like any other entry. Responders may not read flag definitions, so the list is the flags as
 * evaluated for the signed-in user: each key and whether it is switched off.
 */
export function KillSwitches({ incidentId }: { incidentId: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: KillSwitchesQuery });
  const [result, toggle] = useMutation(KillSwitchMutation);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const confirm = async () => {
    if (!pending) return;
    setDone(null);
    const res = await toggle({ key: pending.key, on: pending.on, incidentId });
    setPending(null);
    const outcome = res.data?.toggleFlag;
    if (!outcome) return;
    const state = outcome.flag.on ? 'on' : 'off';
    setDone(
      outcome.timelineError
        ? `${outcome.flag.key} is ${state}, but the timeline entry failed: ${outcome.timelineError}`
        : outcome.changed
          ? `${outcome.flag.key} turned ${state}; recorded on the timeline.`
          : `${outcome.flag.key} already was ${state}; recorded on the timeline.`,
    );
    // The evaluations carry no identity the cache could update: read them again.
    refetch({ requestPolicy: 'network-only' });
  };

  const flags = data?.me?.flags;
  return (
    <div className="card" data-testid="kill-switches">
      <h2>Kill switches</h2>
      <p className="muted" style={{ marginTop: 0 }}>
        Turn a feature off to mitigate; the change is audited and added to this timeline.
      </p>
      {!flags ? (
        error ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : fetching ? (
          <Loading />
        ) : (
          <Empty>Flags are unavailable.</Empty>
        )
      ) : flags.length === 0 ? (
        <Empty>No feature flags defined.</Empty>
      ) : (
        <ul className="switch-list">
          {flags.map((f) => {
            const on = !f.off;
            const asking = pending?.key === f.key;
            return (
              <li key={f.key} data-flag={f.key}>
                <span className="flag-key">{f.key}</span>
                <span className={on ? 'flag-state on' : 'flag-state off'}>{on ? 'on' : 'off'}</span>
                {asking ? (
                  <span className="confirm">
                    <button
                      type="button"
                      className={pending.on ? 'button' : 'button danger'}
                      disabled={result.fetching}
                      onClick={() => void confirm()}
                    >
                      {result.fetching ? 'Switching…' : `Confirm: turn ${pending.on ? 'on' : 'off'}`}
                    </button>
                    <button type="button" className="button subtle" onClick={() => setPending(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button subtle"
                    disabled={result.fetching}
                    aria-label={`Turn ${f.key} ${on ? 'off' : 'on'}`}
                    onClick={() => setPending({ key: f.key, on: !on })}
                  >
                    {on ? 'Turn off' : 'Turn on'}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <FormError error={result.error} />
      {done ? (
        <p role="status" style={{ margin: '0.75rem 0 0' }}>
          {done}
        </p>
      ) : null}
    </div>
  );
}
