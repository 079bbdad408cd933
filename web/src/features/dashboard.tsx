'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { age, SevBadge, StatusBadge } from '../components/incident-badges.tsx';
import { useSession } from '../components/providers.tsx';
import { Empty, ErrorState, Pending } from '../components/states.tsx';
import { useNow } from '../components/use-now.ts';
import type { IncidentCardFragment } from '../generated/graphql.ts';
import { DashboardQuery } from '../graphql/incidents.ts';
import { can } from '../lib/roles.ts';
import { ResponseStats } from './response-stats.tsx';
import { useIncidentFeed } from './use-incident-feed.ts';

/** More than any team has open at once; the page says so if there are more. */
const PAGE = 200;

interface Filters {
  q: string;
  sev: string;
  service: string;
  commander: string;
}

const NO_FILTERS: Filters = { q: '', sev: '', service: '', commander: '' };

/** Filters apply on the client to the live set, so a change that arrives keeps its place under the filter. */
function matches(i: IncidentCardFragment, f: Filters): boolean {
  const q = f.q.trim().toLowerCase();
  if (q && !`${i.id} ${i.title} ${i.summary}`.toLowerCase().includes(q)) return false;
  if (f.sev && i.sev !== Number(f.sev)) return false;
  if (f.service && !i.services.includes(f.service)) return false;
  if (f.commander === 'none' && i.commanderId) return false;
  if (f.commander && f.commander !== 'none' && i.commanderId !== f.commander) return false;
  return true;
}

/** Most severe first, then the oldest: what needs attention leads. */
const byUrgency = (a: IncidentCardFragment, b: IncidentCardFragment) =>
  a.sev - b.sev || a.startedAt.localeCompare(b.startedAt);

export function Dashboard() {
  const { state } = useSession();
  const role = state.status === 'signed-in' ? state.user.role : undefined;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DashboardQuery,
    variables: { first: PAGE, resolved: 10 },
  });
  const feed = useIncidentFeed();
  const now = useNow();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);

  const active = useMemo(
    () => [...(data?.open.nodes ?? []), ...(data?.mitigated.nodes ?? [])],
    [data?.open.nodes, data?.mitigated.nodes],
  );
  const services = useMemo(() => [...new Set(active.flatMap((i) => i.services))].sort(), [active]);
  const commanders = useMemo(() => {
    const byId = new Map(
      active.flatMap((i) => (i.commander ? [[i.commander.id, i.commander.name] as const] : [])),
    );
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [active]);

  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));

  const header = (
    <div className="page-head">
      <div>
        <h1>Incidents</h1>
        <p className="muted" style={{ margin: 0 }}>
          Open and mitigated incidents, live.
        </p>
      </div>
      {can.declareIncident(role) ? (
        <Link href="/incidents/new" className="button">
          Declare incident
        </Link>
      ) : null}
    </div>
  );

  if (!data) {
    return (
      <>
        {header}
        {<Pending error={error} refetch={refetch} />}
      </>
    );
  }

  const open = data.open.nodes.filter((i) => matches(i, filters)).sort(byUrgency);
  const mitigated = data.mitigated.nodes.filter((i) => matches(i, filters)).sort(byUrgency);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      {header}
      {feed.error ? <ErrorState error={feed.error} /> : null}
      {error ? <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      <section className="counters" aria-label="Counters">
        <div className={data.open.nodes.length ? 'counter alert' : 'counter'}>
          <strong data-testid="count-open">{data.open.nodes.length}</strong>
          <span>open</span>
        </div>
        <div className="counter">
          <strong data-testid="count-mitigated">{data.mitigated.nodes.length}</strong>
          <span>mitigated</span>
        </div>
        <div className={active.some((i) => i.sev === 1) ? 'counter alert' : 'counter'}>
          <strong>{active.filter((i) => i.sev === 1).length}</strong>
          <span>SEV1 active</span>
        </div>
        <div className="counter">
          <strong>{active.filter((i) => !i.commanderId).length}</strong>
          <span>without commander</span>
        </div>
        <div className={data.open.nodes.some((i) => !i.acknowledgedAt) ? 'counter alert' : 'counter'}>
          <strong data-testid="count-unacknowledged">
            {data.open.nodes.filter((i) => !i.acknowledgedAt).length}
          </strong>
          <span>not acknowledged</span>
        </div>
      </section>

      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-q">Search</label>
          <input
            id="f-q"
            type="search"
            value={filters.q}
            onChange={set('q')}
            placeholder="Title, summary or id"
          />
        </div>
        <div className="field">
          <label htmlFor="f-sev">Severity</label>
          <select id="f-sev" value={filters.sev} onChange={set('sev')}>
            <option value="">Any</option>
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={s}>
                SEV{s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-service">Service</label>
          <select id="f-service" value={filters.service} onChange={set('service')}>
            <option value="">Any</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-commander">Commander</label>
          <select id="f-commander" value={filters.commander} onChange={set('commander')}>
            <option value="">Anyone</option>
            <option value="none">No commander</option>
            {commanders.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </form>

      <IncidentSection title="Open" incidents={open} now={now} filtered={filtered} testId="open-list" />
      <IncidentSection
        title="Mitigated"
        incidents={mitigated}
        now={now}
        filtered={filtered}
        testId="mitigated-list"
      />
      {data.open.pageInfo.hasNextPage || data.mitigated.pageInfo.hasNextPage ? (
        <p className="muted">Showing the newest {PAGE} of each status.</p>
      ) : null}

      <h2>Recently resolved</h2>
      {data.resolved.nodes.length ? (
        <ul className="incident-list" data-testid="resolved-list">
          {data.resolved.nodes.map((i) => (
            <IncidentRow key={i.id} incident={i} now={now} />
          ))}
        </ul>
      ) : (
        <Empty>Nothing resolved yet.</Empty>
      )}
      <ResponseStats />
      {fetching ? <span className="muted">Refreshing…</span> : null}
    </>
  );
}

function IncidentSection(props: {
  title: string;
  incidents: IncidentCardFragment[];
  now: number;
  filtered: boolean;
  testId: string;
}) {
  return (
    <section aria-label={props.title}>
      <h2>
        {props.title} <span className="muted">({props.incidents.length})</span>
      </h2>
      {props.incidents.length ? (
        <ul className="incident-list" data-testid={props.testId}>
          {props.incidents.map((i) => (
            <IncidentRow key={i.id} incident={i} now={props.now} />
          ))}
        </ul>
      ) : (
        <Empty>
          {props.filtered ? 'No incident matches the filters.' : `No ${props.title.toLowerCase()} incidents.`}
        </Empty>
      )}
    </section>
  );
}

function IncidentRow({ incident: i, now }: { incident: IncidentCardFragment; now: number }) {
  return (
    <li>
      <Link href={`/incidents/${i.id}`} className={`incident-row sev-row-${i.sev}`} data-incident-id={i.id}>
        <SevBadge sev={i.sev} />
        <span className="incident-title">{i.title}</span>
        <StatusBadge status={i.status} />
        <span className="incident-meta">
          <span className="incident-id">{i.id}</span>
          <span>{i.commander ? `Commander: ${i.commander.name}` : 'No commander'}</span>
          {i.status === 'OPEN' && !i.acknowledgedAt ? (
            <span className="overdue-text">Not acknowledged</span>
          ) : null}
          <span title={i.startedAt}>
            {i.status === 'RESOLVED' && i.resolvedAt
              ? `resolved after ${age(i.startedAt, Date.parse(i.resolvedAt))}`
              : `${age(i.startedAt, now)} old`}
          </span>
          {i.services.length ? <span>{i.services.join(', ')}</span> : null}
        </span>
      </Link>
    </li>
  );
}
