'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from 'urql';
import { formatTime } from '../../components/incident-badges.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { FlagAuditQuery } from '../../graphql/flags.ts';
import { auditChanges } from './audit-diff.ts';

const PAGE = 50;

/**
 * One flag's changes, oldest first, page by page: who, when, what changed, and the incident a kill switch was
 * pulled from. A change made while it is open is added (the cache refetches it on `flagChanged`).
 */
export function FlagAudit({ flagKey, names }: { flagKey: string; names: Map<string, string> }) {
  return (
    <section className="card" aria-labelledby="audit-title" data-testid="flag-audit">
      <h2 id="audit-title" style={{ marginTop: 0 }}>
        Audit log of <span className="flag-key">{flagKey}</span>
      </h2>
      <ol className="audit-list">
        <AuditPage flagKey={flagKey} after={null} names={names} />
      </ol>
    </section>
  );
}

function AuditPage(props: { flagKey: string; after: string | null; names: Map<string, string> }) {
  const [{ data, error, stale }, refetch] = useQuery({
    query: FlagAuditQuery,
    variables: { key: props.flagKey, first: PAGE, after: props.after },
  });
  const [more, setMore] = useState(false);
  const page = data?.flag?.audit;
  if (!page) {
    return (
      <li>
        {error ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : data && !stale ? (
          // A refetch after a change (src/lib/cache-depth.ts) is stale meanwhile, not gone.
          <Empty>This flag no longer exists.</Empty>
        ) : (
          <Loading />
        )}
      </li>
    );
  }
  if (!page.nodes.length && props.after === null) {
    return (
      <li>
        <Empty>No changes recorded.</Empty>
      </li>
    );
  }
  return (
    <>
      {page.nodes.map((e) => {
        const changes = auditChanges(e.before, e.after);
        return (
          <li key={e.id} className="audit-entry">
            <div className="timeline-head">
              <span className="timeline-type">{e.action.toLowerCase()}</span>
              <time dateTime={e.at}>{formatTime(e.at)}</time>
              <span>{props.names.get(e.actorId) ?? e.actorId}</span>
              {e.incidentId ? (
                <span>
                  kill switch from <Link href={`/incidents/${e.incidentId}`}>{e.incidentId}</Link>
                </span>
              ) : null}
            </div>
            {changes.length ? (
              <ul className="changes">
                {changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : null}
            <details>
              <summary>Definition {e.before ? 'before and after' : 'created'}</summary>
              {e.before ? <pre className="json">{pretty(e.before)}</pre> : null}
              <pre className="json">{pretty(e.after)}</pre>
            </details>
          </li>
        );
      })}
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        more ? (
          <AuditPage flagKey={props.flagKey} after={page.pageInfo.endCursor} names={props.names} />
        ) : (
          <li>
            <button type="button" className="button subtle" onClick={() => setMore(true)}>
              Show later changes
            </button>
          </li>
        )
      ) : null}
    </>
  );
}

const pretty = (json: string): string => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};
