import type { Page } from '../domain/incident.ts';

/** A domain page in the Relay connection shape of the schema. */
export const toConnection = <T>(page: Page<T>) => ({
  edges: page.items,
  nodes: page.items.map((i) => i.node),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
});

/** An entity reference the users subgraph resolves; this subgraph only knows the id. */
export const userRef = (id: string | null | undefined) => (id ? { __typename: 'User' as const, id } : null);
