import type { FlagSnapshot } from '../snapshot/snapshot.ts';
import type { FlagStore } from '../store/flag-store.ts';
import type { IncidentTimeline } from './incident-timeline.ts';

/** What the verbs need; tests swap the clock and the incident timeline (to make the gateway fail). */
export interface FlagsDeps {
  store: FlagStore;
  /** What evaluations read (never Redis); writes made here are applied to it at once. */
  snapshot: FlagSnapshot;
  /** Where a kill switch records its mitigation: the incidents domain, through the gateway. */
  timeline: IncidentTimeline;
  /** Epoch milliseconds. */
  clock: () => number;
}
