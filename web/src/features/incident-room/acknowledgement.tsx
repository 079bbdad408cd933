'use client';

import { useMutation } from 'urql';
import { age, formatTime } from '../../components/incident-badges.tsx';
import { describeError } from '../../components/states.tsx';
import type { IncidentCardFragment, IncidentResponseFragment } from '../../generated/graphql.ts';
import { AcknowledgeIncidentMutation } from '../../graphql/response.ts';

/**
 * Who acknowledged the incident and when (the start of MTTA's clock is the incident's start). Until someone
 * does, a bar says so, with the button for those who may. A second acknowledgement changes nothing and says so.
 */
export function Acknowledgement(props: {
  incident: IncidentCardFragment & IncidentResponseFragment;
  canAcknowledge: boolean;
}) {
  const { incident } = props;
  const [result, acknowledge] = useMutation(AcknowledgeIncidentMutation);
  const already = result.data?.acknowledgeIncident.acknowledged === false;

  if (incident.acknowledgedAt) {
    return (
      <p className="ack done" data-testid="acknowledgement" role="status">
        Acknowledged by{' '}
        <strong>{incident.acknowledgedBy?.name ?? incident.acknowledgedBy?.id ?? 'someone'}</strong>{' '}
        <time dateTime={incident.acknowledgedAt}>{formatTime(incident.acknowledgedAt)}</time>{' '}
        <span className="muted">
          ({age(incident.startedAt, Date.parse(incident.acknowledgedAt))} after it started)
        </span>
        {already ? <span className="muted"> · someone acknowledged it first</span> : null}
      </p>
    );
  }
  return (
    <div className="ack pending" data-testid="acknowledgement">
      <span>
        <strong>Not acknowledged yet.</strong> Acknowledging tells everyone a responder is on it.
      </span>
      {props.canAcknowledge ? (
        <button
          type="button"
          className="button"
          disabled={result.fetching}
          onClick={() => void acknowledge({ id: incident.id })}
        >
          {result.fetching ? 'Acknowledging…' : 'Acknowledge'}
        </button>
      ) : null}
      {result.error ? (
        <p className="form-error" role="alert" style={{ margin: 0, flexBasis: '100%' }}>
          {describeError(result.error)}
        </p>
      ) : null}
    </div>
  );
}
