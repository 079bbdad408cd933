/** A user as this subgraph knows one: the key the users subgraph resolves the rest from. */
export interface UserRef {
  id: string;
}

/** An entity reference the users subgraph resolves; this subgraph only knows the id. */
export const userRef = (id: string | null | undefined): (UserRef & { __typename: 'User' }) | null =>
  id ? { __typename: 'User', id } : null;
