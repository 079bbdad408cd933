'use client';

import { useState } from 'react';
import { useQuery } from 'urql';
import { formatDuration } from '../components/durations.ts';
import { Pending } from '../components/states.tsx';
import type { StatsGroupFieldsFragment } from '../generated/graphql.ts';
import { IncidentStatsQuery } from '../graphql/response.ts';

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

/**
 * The period ends now, rounded up to the minute: the variables stay the same between renders (a new `to` every
 * render would be a new query every render) and a reload a little later still counts the latest incidents.
 */
function periodOf(days: Period): { from: string; to: string } {
  const minute = 60_000;
  const to = Math.ceil(Date.now() / minute) * minute;
  return { from: new Date(to - days * 86_400_000).toISOString(), to: new Date(to).toISOString() };
}

/** MTTA and MTTR (median and 90th percentile) of the incidents started in the chosen period, per severity. */
export function ResponseStats() {
  const [days, setDays] = useState<Period>(30);
  const [period, setPeriod] = useState(() => periodOf(30));
  const [{ data, error, fetching }, refetch] = useQuery({ query: IncidentStatsQuery, variables: period });
  const stats = data?.incidentStats;

  const choose = (d: Period) => {
    setDays(d);
    setPeriod(periodOf(d));
  };

  return (
    <section aria-labelledby="response-title" className="card stats" data-testid="response-stats">
      <div className="stats-head">
        <h2 id="response-title">Response times</h2>
        <div className="field">
          <label htmlFor="stats-period">Period</label>
          <select id="stats-period" value={days} onChange={(e) => choose(Number(e.target.value) as Period)}>
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
          </select>
        </div>
      </div>
      {!stats ? (
        <Pending error={error} refetch={refetch} />
      ) : (
        <>
          <div className="stat-tiles">
            <Tile label="MTTA (median)" value={stats.total.timeToAcknowledge.median} />
            <Tile label="MTTA (p90)" value={stats.total.timeToAcknowledge.p90} />
            <Tile label="MTTR (median)" value={stats.total.timeToResolve.median} />
            <Tile label="MTTR (p90)" value={stats.total.timeToResolve.p90} />
          </div>
          {stats.total.count === 0 ? (
            <p className="muted">No incident started in the last {days} days.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="muted">
                  {stats.total.count} incident{stats.total.count === 1 ? '' : 's'} started in the last {days}{' '}
                  days; MTTA counts the acknowledged ones, MTTR the resolved ones.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Severity</th>
                    <th scope="col">Incidents</th>
                    <th scope="col">Still open</th>
                    <th scope="col">MTTA median</th>
                    <th scope="col">MTTA p90</th>
                    <th scope="col">MTTR median</th>
                    <th scope="col">MTTR p90</th>
                  </tr>
                </thead>
                <tbody>
                  {[...stats.groups]
                    .sort((a, b) => Number(a.key) - Number(b.key))
                    .map((g) => (
                      <Row key={g.key ?? 'none'} label={`SEV${g.key}`} group={g} />
                    ))}
                  <Row label="All" group={stats.total} />
                </tbody>
              </table>
            </div>
          )}
          {fetching ? <span className="muted">Refreshing…</span> : null}
        </>
      )}
    </section>
  );
}

const Tile = ({ label, value }: { label: string; value: number | null | undefined }) => (
  <div className="counter">
    <strong>{formatDuration(value)}</strong>
    <span>{label}</span>
  </div>
);

const Row = ({ label, group }: { label: string; group: StatsGroupFieldsFragment }) => (
  <tr>
    <th scope="row">{label}</th>
    <td>{group.count}</td>
    <td>{group.openAtEnd}</td>
    <td>{formatDuration(group.timeToAcknowledge.median)}</td>
    <td>{formatDuration(group.timeToAcknowledge.p90)}</td>
    <td>{formatDuration(group.timeToResolve.median)}</td>
    <td>{formatDuration(group.timeToResolve.p90)}</td>
  </tr>
);
