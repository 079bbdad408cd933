'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { describeError, Empty, ErrorState, FormError, Loading } from '../../components/states.tsx';
import type {
  AnnouncementFieldsFragment,
  AnnouncementState,
  ComponentStatus,
  IncidentAnnouncementsQuery as Data,
} from '../../generated/graphql.ts';
import {
  AnnouncementPublishedSubscription,
  IncidentAnnouncementsQuery,
  PublishAnnouncementMutation,
} from '../../graphql/comms.ts';

const STATES: Array<{ value: AnnouncementState; label: string }> = [
  { value: 'INVESTIGATING', label: 'Investigating' },
  { value: 'IDENTIFIED', label: 'Identified' },
  { value: 'MONITORING', label: 'Monitoring' },
  { value: 'RESOLVED', label: 'Resolved' },
];

const COMPONENT_STATUSES: Array<{ value: ComponentStatus; label: string }> = [
  { value: 'OPERATIONAL', label: 'Operational' },
  { value: 'DEGRADED_PERFORMANCE', label: 'Degraded performance' },
  { value: 'PARTIAL_OUTAGE', label: 'Partial outage' },
  { value: 'MAJOR_OUTAGE', label: 'Major outage' },
  { value: 'UNDER_MAINTENANCE', label: 'Under maintenance' },
];

const statusLabel = (s: ComponentStatus) => COMPONENT_STATUSES.find((c) => c.value === s)?.label ?? s;
const stateLabel = (s: AnnouncementState) => STATES.find((c) => c.value === s)?.label ?? s;

/**
 * What the public is told about this incident: the history of public updates (newest first, live: anyone's
 * update appears through `announcementPublished`) and, for responders, the form that publishes one with its
 * state and the components it affects. A published update reaches the public page, the banner, the widget,
 * subscribers and webhooks.
 */
export function Announcements({ incidentId, canPublish }: { incidentId: string; canPublish: boolean }) {
  const [{ data, error }, refetch] = useQuery({
    query: IncidentAnnouncementsQuery,
    variables: { id: incidentId },
  });
  useSubscription({ query: AnnouncementPublishedSubscription, variables: { incidentId, after: null } });

  return (
    <section aria-labelledby="announcements-title">
      <h2 id="announcements-title">Public updates</h2>
      {!data ? (
        error ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading label="Loading the public updates…" />
        )
      ) : (
        <div className="room">
          <div>
            {data.incident?.announcements.length ? (
              <ol className="announcements" data-testid="announcements">
                {data.incident.announcements.map((a) => (
                  <AnnouncementEntry key={a.id} announcement={a} />
                ))}
              </ol>
            ) : (
              <Empty>Nothing has been said in public about this incident yet.</Empty>
            )}
          </div>
          {canPublish ? <PublishForm incidentId={incidentId} components={data.components} /> : null}
        </div>
      )}
    </section>
  );
}

function AnnouncementEntry({ announcement: a }: { announcement: AnnouncementFieldsFragment }) {
  return (
    <li className={`announcement state-${a.state.toLowerCase()}`}>
      <div className="timeline-head">
        <span className="chip">{stateLabel(a.state)}</span>
        <time dateTime={a.publishedAt}>{formatTime(a.publishedAt)}</time>
        <span className="muted">by {a.author?.name ?? a.authorId}</span>
      </div>
      <p className="timeline-message">{a.message}</p>
      {a.impacts.length ? (
        <ul className="impacts">
          {a.impacts.map((i) => (
            <li key={i.componentId}>
              {i.component?.name ?? i.componentId}: {statusLabel(i.oldStatus)} →{' '}
              <strong>{statusLabel(i.newStatus)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const FORM_FIELDS = ['state', 'message', 'impacts'] as const;

function PublishForm({ incidentId, components }: { incidentId: string; components: Data['components'] }) {
  const [result, publish] = useMutation(PublishAnnouncementMutation);
  const [impacts, setImpacts] = useState<Record<string, ComponentStatus | ''>>({});
  const errors = fieldErrors(result.error, FORM_FIELDS);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const chosen = Object.entries(impacts).flatMap(([componentId, status]) =>
      status ? [{ componentId, status }] : [],
    );
    const res = await publish({
      input: {
        incidentId,
        state: String(form.get('state')) as AnnouncementState,
        message: String(form.get('message') ?? ''),
        ...(chosen.length ? { impacts: chosen } : {}),
      },
    });
    if (res.data) {
      formElement.reset();
      setImpacts({});
    }
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Publish a public update">
      <h3 style={{ marginTop: 0 }}>Publish an update</h3>
      <Field id="ann-state" label="State" error={errors.state}>
        <select {...describedBy('ann-state', errors.state)} name="state" defaultValue="INVESTIGATING">
          {STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="ann-message"
        label="Public message"
        hint="Shown as written on the public page, to subscribers and webhooks."
        error={errors.message}
      >
        <textarea {...describedBy('ann-message', errors.message, true)} name="message" rows={4} />
      </Field>
      {components.length ? (
        <fieldset
          className="impact-fields"
          aria-describedby={errors.impacts ? 'ann-impacts-error' : undefined}
        >
          <legend>Affected components</legend>
          {components.map((c) => (
            <label key={c.id} className="impact-field">
              <span>
                {c.group ? `${c.group.name} · ` : ''}
                {c.name} <span className="muted">({statusLabel(c.status)} now)</span>
              </span>
              <select
                value={impacts[c.id] ?? ''}
                onChange={(e) =>
                  setImpacts((m) => ({ ...m, [c.id]: e.target.value as ComponentStatus | '' }))
                }
              >
                <option value="">Not changed by this update</option>
                {COMPONENT_STATUSES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {errors.impacts ? (
            <p className="field-error" id="ann-impacts-error" role="alert">
              {errors.impacts}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <p className="hint">No components are defined yet (Admin → Components &amp; maintenance).</p>
      )}
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        {result.fetching ? 'Publishing…' : 'Publish update'}
      </button>
    </form>
  );
}
