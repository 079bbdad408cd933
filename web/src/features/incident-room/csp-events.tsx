'use client';

import { useQuery, useSubscription } from 'urql';
import { formatTime } from '../../components/incident-badges.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { CspEventChangedSubscription, IncidentCspEventsQuery } from '../../graphql/csp.ts';
import { CspEventCard } from '../providers/csp-event-card.tsx';

/**
 * The cloud-provider events linked to this incident, each with the provider's own updates (oldest first, as they
 * were posted). Live through the cache: each `cspEventChanged` payload updates its event wherever it is shown,
 * and an event newly linked to this incident joins the list (src/lib/cache-status.ts).
 */
export function CspEvents({ incidentId }: { incidentId: string }) {
  const [{ data, error }, refetch] = useQuery({
    query: IncidentCspEventsQuery,
    variables: { id: incidentId },
  });
  useSubscription({ query: CspEventChangedSubscription, variables: { after: null } });
  const events = data?.incident?.cspEvents ?? [];
  return (
    <section aria-labelledby="csp-title">
      <h2 id="csp-title">Provider events</h2>
      {!data ? (
        error ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading label="Loading provider events…" />
        )
      ) : events.length === 0 ? (
        <Empty>No cloud-provider event is linked to this incident.</Empty>
      ) : (
        <ul className="csp-events">
          {events.map((e) => (
            <li key={e.id}>
              <CspEventCard event={e} providerName={e.provider?.name ?? e.providerId} />
              {e.updates.length ? (
                <details className="csp-updates">
                  <summary>
                    {e.updates.length} upstream update{e.updates.length === 1 ? '' : 's'}
                  </summary>
                  <ol className="timeline">
                    {e.updates.map((u) => (
                      <li key={`${u.at}-${u.status}`}>
                        <div className="timeline-head">
                          <span className="chip">{u.status.toLowerCase()}</span>
                          <time dateTime={u.at}>{formatTime(u.at)}</time>
                        </div>
                        <p className="timeline-message">{u.body}</p>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
