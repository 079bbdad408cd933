import type { UserStanding } from '../domain/commander.ts';
import type { IdGenerator } from '../domain/id.ts';
import type { ActionItemStore } from '../store/action-item-store.ts';
import type { IncidentStore } from '../store/incident-store.ts';

/** What the write verbs need; tests swap the id generator and the clock. */
export interface IncidentsDeps {
  store: IncidentStore;
  /** The users this domain knows of, current as of the call (store/user-directory.ts). */
  users: {
    standing(userId: string): Promise<UserStanding>;
    /** Applies every users event not yet applied (names for timeline messages); resolves the count. */
    catchUp(): Promise<number>;
  };
  newId: IdGenerator;
  newActionItemId: IdGenerator;
  actionItems: ActionItemStore;
  /** Epoch milliseconds. */
  clock: () => number;
}
