import type { CircuitPolicy } from '../domain/circuit.ts';
import type { FetchFeedOptions } from '../feed/fetch-feed.ts';
import type { DependencyStore } from '../store/dependency-store.ts';
import type { EventStore } from '../store/event-store.ts';
import type { LeaseStore } from '../store/lease-store.ts';
import type { LinkerStore } from '../store/linker-store.ts';
import type { ProviderStore } from '../store/provider-store.ts';
import type { IncidentsGateway } from './incidents-gateway.ts';

/** How feeds are fetched: everything of FetchFeedOptions but the per-call validators. */
export type FeedFetchPolicy = Omit<FetchFeedOptions, 'validators'>;

/** What the verbs, the poller and the incident linker use; tests swap the clock and the incidents gateway. */
export interface CspDeps {
  providers: ProviderStore;
  events: EventStore;
  leases: LeaseStore;
  linker: LinkerStore;
  dependencies: DependencyStore;
  /** Opens incidents and records upstream updates through the graph, as the csp service principal. */
  incidents: IncidentsGateway;
  fetch: FeedFetchPolicy;
  circuit: CircuitPolicy;
  defaultIntervalSeconds: number;
  /** Epoch milliseconds. */
  clock: () => number;
}
