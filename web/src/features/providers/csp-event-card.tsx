import { formatTime } from '../../components/incident-badges.tsx';
import type { CspEventFieldsFragment } from '../../generated/graphql.ts';

/** One provider event: title, provider, status, impact, what and where it affects, and the latest update. */
export function CspEventCard({
  event: e,
  providerName,
}: {
  event: CspEventFieldsFragment;
  providerName: string;
}) {
  const latest = e.updates.at(-1);
  return (
    <article
      className={`csp-event impact-${e.impact.toLowerCase()}`}
      aria-label={`${providerName}: ${e.title}`}
    >
      <div className="timeline-head">
        <strong>{providerName}</strong>
        <span className="chip">
          {e.kind === 'MAINTENANCE' ? 'maintenance' : `${e.impact.toLowerCase()} impact`}
        </span>
        <span className="chip">{e.status.toLowerCase()}</span>
        <span className="muted">since {formatTime(e.startedAt)}</span>
      </div>
      <p className="csp-event-title">
        {e.url ? (
          <a href={e.url} target="_blank" rel="noopener noreferrer">
            {e.title}
          </a>
        ) : (
          e.title
        )}
      </p>
      {e.components.length || e.regions.length ? (
        <p className="muted csp-scope">{[...e.components, ...e.regions].join(' · ')}</p>
      ) : null}
      {latest ? <p className="csp-latest">{latest.body}</p> : null}
    </article>
  );
}
