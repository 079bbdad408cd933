'use client';

import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { formatTime } from '../../components/incident-badges.tsx';
import { ErrorState, Pending } from '../../components/states.tsx';
import { IncidentTimelineSubscription, TimelinePageQuery } from '../../graphql/incidents.ts';

/** The API's page maximum: most timelines are one page. */
const PAGE = 500;

/** The live timeline, oldest first: the first page, which renders the next one, and so on to the last. */
export const Timeline = ({ incidentId }: { incidentId: string }) => (
  <ol className="timeline" aria-live="polite" data-testid="timeline">
    <TimelinePage incidentId={incidentId} after={null} />
  </ol>
);

/**
 * One page of entries. The last page (no next page) also subscribes to new entries, starting after its last
 * one, so nothing between the load and the subscription is missed; the cache appends each new entry to it.
 */
function TimelinePage({ incidentId, after }: { incidentId: string; after: string | null }) {
  const [{ data, error }, refetch] = useQuery({
    query: TimelinePageQuery,
    variables: { id: incidentId, first: PAGE, after },
  });
  const page = data?.incident?.timeline;
  if (!page) {
    return <li>{<Pending error={error} refetch={refetch} />}</li>;
  }
  return (
    <>
      {page.nodes.map((e) => (
        <li
          key={e.id}
          className={`type-${e.type.toLowerCase()}${e.system ? ' system' : ''}`}
          data-event-id={e.id}
        >
          <div className="timeline-head">
            <span className="timeline-type">{e.type.replaceAll('_', ' ').toLowerCase()}</span>
            <time dateTime={e.at}>{formatTime(e.at)}</time>
            <span>{e.author?.name ?? authorOf(e.authorId, e.system)}</span>
          </div>
          <p className="timeline-message">{e.message}</p>
        </li>
      ))}
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        <TimelinePage incidentId={incidentId} after={page.pageInfo.endCursor} />
      ) : (
        <LiveTail incidentId={incidentId} lastId={page.nodes.at(-1)?.id ?? after} />
      )}
    </>
  );
}

function LiveTail({ incidentId, lastId }: { incidentId: string; lastId: string | null }) {
  // Fixed at mount: later entries arrive through this subscription, which keeps its own cursor from then on.
  const [from] = useState(lastId);
  const [{ error }] = useSubscription({
    query: IncidentTimelineSubscription,
    variables: { incidentId, after: from },
  });
  return error ? (
    <li>
      <ErrorState error={error} />
    </li>
  ) : null;
}

/** Who wrote an entry without a user behind it: a PolyStatus service (`system:flags` → "flags service"). */
const authorOf = (authorId: string, system: boolean): string =>
  authorId.startsWith('system:')
    ? `${authorId.slice('system:'.length)} service`
    : system
      ? 'system'
      : authorId;
