'use client';

import { useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { formatTime } from '../../components/incident-badges.tsx';
import { describeError, Empty, ErrorState, Pending } from '../../components/states.tsx';
import type { FlagFieldsFragment } from '../../generated/graphql.ts';
import { FlagChangedSubscription, FlagsQuery, ToggleFlagMutation } from '../../graphql/flags.ts';
import { PeopleQuery } from '../../graphql/users.ts';
import { FlagAudit } from './flag-audit.tsx';
import { FlagEditor } from './flag-editor.tsx';

type Panel = { kind: 'new' } | { kind: 'edit'; key: string } | { kind: 'audit'; key: string } | null;

/**
 * Feature flags (admin): every flag live (`flagChanged`: a change made elsewhere, a kill switch pulled from an
 * incident, a new flag, all arrive without a reload), switched on and off in place, created and edited with
 * their targeting, and each one's audit log.
 */
export function FlagsAdmin() {
  const [{ data, error, fetching }, refetch] = useQuery({ query: FlagsQuery });
  const [live] = useSubscription({ query: FlagChangedSubscription, variables: { after: null } });
  const [people] = useQuery({ query: PeopleQuery, variables: { first: 500 } });
  const [panel, setPanel] = useState<Panel>(null);
  const [q, setQ] = useState('');

  const names = useMemo(
    () => new Map((people.data?.users.nodes ?? []).map((u) => [u.id, u.name] as const)),
    [people.data],
  );
  const flags = (data?.flags ?? []).filter((f) =>
    `${f.key} ${f.description}`.toLowerCase().includes(q.trim().toLowerCase()),
  );
  const editing = panel?.kind === 'edit' ? data?.flags.find((f) => f.key === panel.key) : undefined;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Feature flags</h1>
          <p className="muted" style={{ margin: 0 }}>
            Live. Responders can switch a flag off from an incident room (a kill switch); every change is
            audited.
          </p>
        </div>
        <button type="button" className="button" onClick={() => setPanel({ kind: 'new' })}>
          New flag
        </button>
      </div>
      {live.error ? <ErrorState error={live.error} /> : null}

      {panel?.kind === 'new' ? (
        <FlagEditor
          key="new"
          flag={null}
          onDone={(key) => setPanel({ kind: 'audit', key })}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel?.kind === 'edit' && editing ? (
        <FlagEditor
          key={editing.key}
          flag={editing}
          onDone={(key) => setPanel({ kind: 'audit', key })}
          onCancel={() => setPanel(null)}
        />
      ) : null}

      <div className="field" style={{ maxWidth: 360, marginTop: '1rem' }}>
        <label htmlFor="flag-q">Search</label>
        <input
          id="flag-q"
          type="search"
          value={q}
          placeholder="Key or description"
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      {!data ? (
        <Pending error={error} refetch={refetch} />
      ) : flags.length === 0 ? (
        <Empty>{data.flags.length ? 'No flag matches.' : 'No flags yet. Create the first one.'}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="flags">
            <thead>
              <tr>
                <th scope="col">Flag</th>
                <th scope="col">State</th>
                <th scope="col">Targeting</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <FlagRow
                  key={f.key}
                  flag={f}
                  updatedBy={names.get(f.updatedById) ?? f.updatedById}
                  selected={panel !== null && panel.kind !== 'new' && panel.key === f.key}
                  onEdit={() => setPanel({ kind: 'edit', key: f.key })}
                  onAudit={() => setPanel({ kind: 'audit', key: f.key })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {fetching && data ? <span className="muted">Refreshing…</span> : null}
      {panel?.kind === 'audit' ? <FlagAudit key={panel.key} flagKey={panel.key} names={names} /> : null}
    </>
  );
}

/** "2 rules · 1 target · rollout": what decides who gets what, at a glance. */
function targeting(f: FlagFieldsFragment): string {
  const parts = [];
  if (f.targets.length) parts.push(`${f.targets.length} target${f.targets.length === 1 ? '' : 's'}`);
  if (f.rules.length) parts.push(`${f.rules.length} rule${f.rules.length === 1 ? '' : 's'}`);
  parts.push(
    f.fallthrough.rollout?.length
      ? `rollout ${f.fallthrough.rollout.map((w) => `${w.variation} ${w.weight}%`).join(' / ')}`
      : `everyone else: ${f.fallthrough.variation}`,
  );
  return parts.join(' · ');
}

function FlagRow(props: {
  flag: FlagFieldsFragment;
  updatedBy: string;
  selected: boolean;
  onEdit: () => void;
  onAudit: () => void;
}) {
  const { flag: f } = props;
  const [result, toggle] = useMutation(ToggleFlagMutation);
  return (
    <tr className={props.selected ? 'selected' : undefined} data-flag={f.key}>
      <td>
        <span className="flag-key">{f.key}</span>
        {f.kind === 'MULTIVAR' ? <span className="chip">{f.variations.length} variations</span> : null}
        {f.description ? <div className="muted">{f.description}</div> : null}
        {result.error ? (
          <p className="field-error" role="alert">
            {describeError(result.error)}
          </p>
        ) : null}
      </td>
      <td>
        <button
          type="button"
          role="switch"
          aria-checked={f.on}
          aria-label={`${f.key} on`}
          className={f.on ? 'switch on' : 'switch'}
          disabled={result.fetching}
          onClick={() => void toggle({ key: f.key, on: !f.on })}
        >
          <span aria-hidden="true" className="knob" />
          {f.on ? 'On' : 'Off'}
        </button>
      </td>
      <td className="muted">{targeting(f)}</td>
      <td>
        <span title={f.updatedAt}>{formatTime(f.updatedAt)}</span>
        <div className="muted">
          by {props.updatedBy} · v{f.version}
        </div>
      </td>
      <td>
        <div className="actions">
          <button type="button" className="button subtle" onClick={props.onEdit} aria-label={`Edit ${f.key}`}>
            Edit
          </button>
          <button
            type="button"
            className="button subtle"
            onClick={props.onAudit}
            aria-label={`Audit log of ${f.key}`}
          >
            Audit
          </button>
        </div>
      </td>
    </tr>
  );
}
