'use client';

import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describedBy, Field } from '../../components/field.tsx';
import { fieldErrors } from '../../components/field-errors.ts';
import { formatTime } from '../../components/incident-badges.tsx';
import { describeError, Empty, FormError, Pending } from '../../components/states.tsx';
import type { ManualBannerLevel, StatusBannerFieldsFragment } from '../../generated/graphql.ts';
import {
  ClearStatusBannerMutation,
  SetStatusBannerMutation,
  StatusBannerHistoryQuery,
  StatusBannerQuery,
} from '../../graphql/comms.ts';
import { toInstant } from './datetime-input.ts';

const LEVELS: Array<{ value: ManualBannerLevel; label: string }> = [
  { value: 'INFO', label: 'Notice' },
  { value: 'MAINTENANCE', label: 'Maintenance' },
  { value: 'MINOR', label: 'Degraded service' },
  { value: 'MAJOR', label: 'Partial outage' },
  { value: 'CRITICAL', label: 'Major outage' },
];
const LEVEL_LABEL = new Map(LEVELS.map((l) => [l.value, l.label]));
const FIELDS = ['level', 'title', 'message', 'link', 'startsAt', 'endsAt'] as const;
/** The API's page size for the history (at most 100). */
const HISTORY_PAGE = 20;

/**
 * The manual banner (admin): a notice shown on the public banner, the widget and every signed-in page while
 * nothing more severe is going on; set, replaced or taken down here, with its history (who did what, when).
 */
export function BannerAdmin() {
  const [{ data, error }, refetch] = useQuery({ query: StatusBannerQuery });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Status banner</h1>
          <p className="muted" style={{ margin: 0 }}>
            A notice for everyone who embeds the banner or widget, and on every page here. Incidents and
            running maintenance take precedence while they last.
          </p>
        </div>
      </div>
      <section aria-labelledby="banner-current-title">
        <h2 id="banner-current-title">Now</h2>
        {!data ? (
          <Pending error={error} refetch={refetch} />
        ) : data.statusBanner ? (
          <CurrentBanner banner={data.statusBanner} />
        ) : (
          <Empty>No banner set.</Empty>
        )}
        <BannerForm />
      </section>
      <section aria-labelledby="banner-history-title">
        <h2 id="banner-history-title">History</h2>
        <ol className="component-admin-list" data-testid="banner-history">
          <HistoryPage after={null} />
        </ol>
      </section>
    </>
  );
}

function CurrentBanner({ banner: b }: { banner: StatusBannerFieldsFragment }) {
  const [cleared, clear] = useMutation(ClearStatusBannerMutation);
  return (
    <div className="card" data-testid="banner-current">
      <div className="endpoint-head">
        <div>
          <strong>{b.title}</strong> <span className="chip">{LEVEL_LABEL.get(b.level) ?? b.level}</span>{' '}
          <span className="chip">{b.showing ? 'showing' : 'not showing'}</span>
          <div className="muted">
            From {formatTime(b.startsAt)}
            {b.endsAt ? ` until ${formatTime(b.endsAt)}` : ' until taken down'} · set by{' '}
            {b.setBy?.name ?? b.setById} {formatTime(b.setAt)}
          </div>
          {b.message ? <p className="timeline-message">{b.message}</p> : null}
          {b.link ? (
            <a href={b.link} target="_blank" rel="noopener noreferrer">
              {b.link}
            </a>
          ) : null}
        </div>
        <button type="button" className="button subtle" disabled={cleared.fetching} onClick={() => clear({})}>
          Take down
        </button>
      </div>
      <FormError error={cleared.error} />
    </div>
  );
}

/** Sets a banner, replacing the current one (the API keeps one manual banner at a time). */
function BannerForm() {
  const [result, set] = useMutation(SetStatusBannerMutation);
  const errors = fieldErrors(result.error, FIELDS);
  const general = result.error && !Object.keys(errors).length ? describeError(result.error) : errors[''];
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const input = {
      level: text('level') as ManualBannerLevel,
      title: text('title'),
      ...(text('message') ? { message: String(form.get('message')) } : {}),
      ...(text('link') ? { link: text('link') } : {}),
      ...(text('startsAt') ? { startsAt: toInstant(text('startsAt')) } : {}),
      ...(text('endsAt') ? { endsAt: toInstant(text('endsAt')) } : {}),
    };
    const res = await set({ input });
    if (res.data) formElement.reset();
  };
  return (
    <form
      className="card"
      style={{ marginTop: '1rem' }}
      onSubmit={submit}
      noValidate
      aria-label="Set the banner"
    >
      <h3 style={{ marginTop: 0 }}>Set a banner</h3>
      <div className="form-row">
        <Field id="banner-level" label="Level" error={errors.level}>
          <select {...describedBy('banner-level', errors.level)} name="level" defaultValue="INFO">
            {LEVELS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="banner-title" label="Title" error={errors.title}>
          <input {...describedBy('banner-title', errors.title)} name="title" maxLength={200} />
        </Field>
      </div>
      <Field
        id="banner-message"
        label="Message"
        hint="Shown as text; line breaks are kept."
        error={errors.message}
      >
        <textarea {...describedBy('banner-message', errors.message, true)} name="message" rows={2} />
      </Field>
      <div className="form-row">
        <Field id="banner-link" label="Details link" hint="Default: the public page." error={errors.link}>
          <input {...describedBy('banner-link', errors.link, true)} name="link" type="url" />
        </Field>
        <Field id="banner-from" label="From" hint="Default: now." error={errors.startsAt}>
          <input
            {...describedBy('banner-from', errors.startsAt, true)}
            name="startsAt"
            type="datetime-local"
          />
        </Field>
        <Field id="banner-until" label="Until" hint="Default: until taken down." error={errors.endsAt}>
          <input {...describedBy('banner-until', errors.endsAt, true)} name="endsAt" type="datetime-local" />
        </Field>
      </div>
      <FormError error={general} />
      <button type="submit" className="button" disabled={result.fetching}>
        Set banner
      </button>
    </form>
  );
}

/** One page of changes, newest first; a full page offers the next (older) one. */
function HistoryPage({ after }: { after: string | null }) {
  const [{ data, error }, refetch] = useQuery({
    query: StatusBannerHistoryQuery,
    variables: { first: HISTORY_PAGE, after },
  });
  const [more, setMore] = useState(false);
  if (!data) {
    return <li>{<Pending error={error} refetch={refetch} />}</li>;
  }
  const changes = data.statusBannerHistory;
  if (changes.length === 0 && after === null) {
    return (
      <li>
        <Empty>No banner was ever set.</Empty>
      </li>
    );
  }
  const last = changes.at(-1);
  return (
    <>
      {changes.map((c) => (
        <li key={c.cursor} className="card">
          <div>
            <span className="chip">{c.action === 'SET' ? 'set' : 'taken down'}</span>{' '}
            <strong>{c.title}</strong>{' '}
            {c.level ? <span className="chip">{LEVEL_LABEL.get(c.level) ?? c.level}</span> : null}
          </div>
          <div className="muted">
            {formatTime(c.at)} by {c.actor?.name ?? c.actorId}
            {c.action === 'SET' && c.startsAt
              ? ` · from ${formatTime(c.startsAt)}${c.endsAt ? ` until ${formatTime(c.endsAt)}` : ''}`
              : ''}
          </div>
          {c.message ? <p className="timeline-message">{c.message}</p> : null}
        </li>
      ))}
      {changes.length === HISTORY_PAGE && last ? (
        more ? (
          <HistoryPage after={last.cursor} />
        ) : (
          <li>
            <button type="button" className="button subtle" onClick={() => setMore(true)}>
              Older changes
            </button>
          </li>
        )
      ) : null}
    </>
  );
}
