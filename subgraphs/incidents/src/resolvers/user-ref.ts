import { isUserId } from '../domain/actor.ts';

/** A user as this subgraph knows one: the key the users subgraph resolves the rest from. */
export interface UserRef {
  id: string;
}

/**
 * An entity reference the users subgraph resolves; this subgraph only knows the id. A PolyStatus service
 * (`system:flags`) is recorded as an actor but is not a User: null, and the `…Id` field still names it.
 */
export const userRef = (id: string | null | undefined): (UserRef & { __typename: 'User' }) | null =>
  isUserId(id) ? { __typename: 'User', id } : null;
