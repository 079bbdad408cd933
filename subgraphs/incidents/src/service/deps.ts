import type { IdGenerator } from '../domain/id.ts';
import type { IncidentStore } from '../store/incident-store.ts';

/** What the write verbs need; tests swap the id generator and the clock. */
export interface ServiceDeps {
  store: IncidentStore;
  newId: IdGenerator;
  /** Epoch milliseconds. */
  clock: () => number;
}
