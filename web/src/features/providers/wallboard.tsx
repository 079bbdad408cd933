'use client';

import { useQuery, useSubscription } from 'urql';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useNow } from '../../components/use-now.ts';
import type { CspEventFieldsFragment } from '../../generated/graphql.ts';
import { CspEventChangedSubscription, WallboardQuery } from '../../graphql/csp.ts';
import { CauseGraph } from './cause-graph.tsx';
import { CspEventCard } from './csp-event-card.tsx';
import { providerState } from './provider-state.ts';

/**
 * The provider wallboard, made to be read from across a room: every watched provider's state in large type on a
 * dark background, its open events, and the cause-and-effect graph. Live: `cspEventChanged` payloads update the
 * events in the cache, and the cache's rules (src/lib/cache-status.ts) add a new one to the open list, take a
 * resolved one off and redraw the graph.
 */
export function Wallboard() {
  const [{ data, error }, refetch] = useQuery({ query: WallboardQuery, variables: { first: 200 } });
  useSubscription({ query: CspEventChangedSubscription, variables: { after: null } });
  const now = useNow();

  if (!data)
    return error ? (
      <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
    ) : (
      <Loading label="Loading providers…" />
    );

  const byProvider = new Map<string, CspEventFieldsFragment[]>();
  for (const e of data.cspEvents.nodes)
    byProvider.set(e.providerId, [...(byProvider.get(e.providerId) ?? []), e]);
  const providers = data.providers.filter((p) => p.enabled || byProvider.has(p.id));
  const affected = providers.filter((p) => byProvider.has(p.id)).length;

  return (
    <>
      <header className="wall-head">
        <h1>Cloud providers</h1>
        <p className="wall-summary" aria-live="polite">
          {affected === 0
            ? `All ${providers.length} providers operational`
            : `${affected} of ${providers.length} providers with open events`}
        </p>
        <time className="wall-clock" dateTime={new Date(now).toISOString()}>
          {new Date(now).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
        </time>
      </header>
      {providers.length === 0 ? (
        <Empty>No provider is watched yet. A manager registers one under Admin → Providers.</Empty>
      ) : (
        <ul className="wall-grid" data-testid="wallboard">
          {providers.map((p) => {
            const events = byProvider.get(p.id) ?? [];
            const state = providerState(p, events);
            return (
              <li key={p.id} className={`wall-tile tone-${state.tone}`} data-provider={p.id}>
                <div className="wall-tile-head">
                  <h2>{p.name}</h2>
                  <span className="wall-state">{state.label}</span>
                </div>
                {state.feed ? <p className="wall-feed">{state.feed}</p> : null}
                {events.map((e) => (
                  <CspEventCard key={e.id} event={e} providerName={p.name} />
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="graph-title" className="wall-graph">
        <h2 id="graph-title">Cause and effect (72 h)</h2>
        <CauseGraph />
      </section>
    </>
  );
}
