import type { PublicSnapshot, PublicSummary, StatuspageIncident } from '../../server/public-snapshot.ts';
import { STATUS_LABEL, statusTone, uptimeBar, uptimeSummary } from './uptime.ts';

/**
 * The public page's body, rendered on the server from the snapshot (no script needed to read it): the overall
 * status, active incidents with their latest public word, maintenance with its message and what it affects,
 * components with their 90-day bars, and the history of resolved incidents. Everything is rendered as text by React.
 */
const INDICATOR_TONE: Record<PublicSummary['indicator'], string> = {
  none: 'ok',
  minor: 'degraded',
  major: 'partial',
  critical: 'major',
  maintenance: 'maintenance',
};

const STATE_LABEL: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

const label = (state: string) => STATE_LABEL[state.toLowerCase()] ?? state;

/** UTC, so the server's rendering reads the same for every visitor (and the times say so). */
const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function PublicStatusView({ snapshot }: { snapshot: PublicSnapshot }) {
  const { summary, history } = snapshot;
  const active = summary.incidents.filter((i) => i.state.toLowerCase() !== 'resolved');
  return (
    <>
      <section
        className={`overall tone-${INDICATOR_TONE[summary.indicator]}`}
        aria-labelledby="overall-title"
        data-testid="overall-status"
      >
        <h1 id="overall-title">{summary.description}</h1>
        <p>
          As of {when(summary.as_of * 1000)}
          {snapshot.stale ? ' · this may be out of date: our status service is catching up' : ''}
        </p>
      </section>

      <section aria-labelledby="active-title">
        <h2 id="active-title">Active incidents</h2>
        {active.length === 0 ? (
          <p className="muted">No active incidents.</p>
        ) : (
          <ul className="public-list" data-testid="active-incidents">
            {active.map((i) => (
              <li key={i.id} className={`public-incident sev-${i.sev}`}>
                <h3>{i.title}</h3>
                <p className="public-state">
                  <strong>{label(i.state)}</strong>
                  {i.last_public_at ? <> · {when(i.last_public_at * 1000)}</> : null}
                </p>
                <p className="public-message">{i.last_message ?? 'We are looking into it.'}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {summary.maintenances.length > 0 ? (
        <section aria-labelledby="maintenance-title">
          <h2 id="maintenance-title">Maintenance</h2>
          <ul className="public-list">
            {summary.maintenances.map((m) => (
              <li key={m.id} className="public-incident maintenance">
                <h3>{m.name}</h3>
                <p className="public-state">
                  <strong>{label(m.status)}</strong> · {when(m.scheduled_for * 1000)} →{' '}
                  {when(m.scheduled_until * 1000)}
                </p>
                {m.message ? <p className="public-message">{m.message}</p> : null}
                {m.components.length > 0 ? (
                  <p className="public-affected muted">
                    Affects:{' '}
                    {m.components.map((c) => (c.group ? `${c.group} · ${c.name}` : c.name)).join(', ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="components-title">
        <h2 id="components-title">Components</h2>
        {summary.components.length === 0 ? (
          <p className="muted">No components are listed yet.</p>
        ) : (
          <ul className="public-components">
            {summary.components.map((c) => (
              <ComponentRow key={c.id} component={c} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">Past incidents</h2>
        {history.length === 0 ? (
          <p className="muted">No incident has been reported.</p>
        ) : (
          <ul className="public-list">
            {history.map((i) => (
              <PastIncident key={i.id} incident={i} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ComponentRow({ component: c }: { component: PublicSummary['components'][number] }) {
  const bars = c.uptime_days.map(uptimeBar);
  const status = c.status.toLowerCase();
  const width = 5;
  return (
    <li className="public-component">
      <div className="public-component-head">
        <span className="public-component-name">
          {c.group ? <span className="muted">{c.group} · </span> : null}
          {c.name}
        </span>
        <span className={`public-component-status tone-${statusTone(status)}`}>
          {STATUS_LABEL[status] ?? status}
        </span>
      </div>
      {/* The bars are drawn for the eye; the summary line below says the same in words. */}
      <svg
        className="uptime-bars"
        viewBox={`0 0 ${bars.length * width} 30`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${c.name}: ${uptimeSummary(c.uptime_90d, c.days_with_data, bars.length)}`}
      >
        {bars.map((b, n) => (
          <rect
            key={b.date}
            className={`bar tone-${b.tone}`}
            x={n * width + 0.6}
            y={0}
            width={width - 1.2}
            height={30}
            rx={1}
          >
            <title>{b.label}</title>
          </rect>
        ))}
      </svg>
      <div className="uptime-legend muted">
        <span>{bars.length} days ago</span>
        <span>{uptimeSummary(c.uptime_90d, c.days_with_data, bars.length)}</span>
        <span>Today</span>
      </div>
    </li>
  );
}

function PastIncident({ incident: i }: { incident: StatuspageIncident }) {
  return (
    <li className="public-incident past">
      <h3>{i.name}</h3>
      <p className="public-state muted">
        {new Date(i.created_at).toISOString().slice(0, 10)}
        {i.resolved_at ? ` · resolved ${when(Date.parse(i.resolved_at))}` : ''}
      </p>
      {i.incident_updates.length > 0 ? (
        <ol className="public-updates">
          {i.incident_updates.map((u) => (
            <li key={u.id}>
              <strong>{label(u.status)}</strong>{' '}
              <span className="muted">{when(Date.parse(u.display_at))}</span>
              <p className="public-message">{u.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}
